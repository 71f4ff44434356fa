import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CaseApi } from './case-api';
import { CLINICIANS, aCase, aCauseTag, aNote } from './case-fixtures';

describe('CaseApi', () => {
  let api: CaseApi;
  let http: HttpTestingController;
  const id = '00000000-0000-4000-8000-000000000001';

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CaseApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  it('GET /api/patients/:id, parsed with the contract', () => {
    const patient = aCase({ id });
    let result: unknown;
    api.getPatient(id).subscribe((p) => (result = p));
    http.expectOne({ method: 'GET', url: `/api/patients/${id}` }).flush(patient);
    expect(result).toEqual(patient);
  });

  it('rejects a record that breaks the contract', () => {
    let failed = false;
    api.getPatient(id).subscribe({ error: () => (failed = true) });
    http.expectOne(`/api/patients/${id}`).flush({ id, version: 'two' });
    expect(failed).toBeTrue();
  });

  it('PATCHes details with the version', () => {
    api.updatePatient(id, { version: 3, phone: '0161 1' }).subscribe();
    const req = http.expectOne({ method: 'PATCH', url: `/api/patients/${id}` });
    expect(req.request.body).toEqual({ version: 3, phone: '0161 1' });
    req.flush(aCase({ id, version: 4 }));
  });

  it('POSTs a status change', () => {
    api.changeStatus(id, { version: 3, to: 'assessment', reason: null }).subscribe();
    const req = http.expectOne({ method: 'POST', url: `/api/patients/${id}/status` });
    expect(req.request.body).toEqual({ version: 3, to: 'assessment', reason: null });
    req.flush(aCase({ id, status: 'assessment' }));
  });

  it('lists, adds (with an Idempotency-Key), updates and retracts cause tags', () => {
    const tag = aCauseTag();
    let items: unknown;
    api.listCauses(id).subscribe((x) => (items = x));
    http.expectOne({ method: 'GET', url: `/api/patients/${id}/causes` }).flush({ items: [tag] });
    expect(items).toEqual([tag]);

    api.addCause(id, { code: 'POST-PSA', status: 'provisional', evidenceNote: null }, 'key-1').subscribe();
    const add = http.expectOne({ method: 'POST', url: `/api/patients/${id}/causes` });
    expect(add.request.headers.get('Idempotency-Key')).toBe('key-1');
    add.flush(tag, { status: 201, statusText: 'Created' });

    api.updateCause(id, tag.id, { version: 1, status: 'confirmed' }).subscribe();
    http.expectOne({ method: 'PATCH', url: `/api/patients/${id}/causes/${tag.id}` }).flush({ ...tag, status: 'confirmed', version: 2 });

    let done = false;
    api.causeEnteredInError(id, tag.id, { version: 2, reason: 'Wrong patient' }).subscribe(() => (done = true));
    http
      .expectOne({ method: 'POST', url: `/api/patients/${id}/causes/${tag.id}/entered-in-error` })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBeTrue();
  });

  it('lists and adds notes, and marks one entered in error', () => {
    const note = aNote();
    api.listNotes(id).subscribe();
    http.expectOne(`/api/patients/${id}/notes`).flush({ items: [note] });
    api.addNote(id, 'Seen in clinic.', 'key-2').subscribe();
    const add = http.expectOne({ method: 'POST', url: `/api/patients/${id}/notes` });
    expect(add.request.body).toEqual({ body: 'Seen in clinic.' });
    expect(add.request.headers.get('Idempotency-Key')).toBe('key-2');
    add.flush(note);
    api.noteEnteredInError(id, note.id, { version: 1, reason: 'Wrong patient' }).subscribe();
    http
      .expectOne({ method: 'POST', url: `/api/patients/${id}/notes/${note.id}/entered-in-error` })
      .flush({ ...note, enteredInError: true });
  });

  it('lists the clinicians who can be assigned', () => {
    let result: unknown;
    api.listClinicians().subscribe((x) => (result = x));
    http.expectOne('/api/clinicians').flush({ items: CLINICIANS });
    expect(result).toEqual(CLINICIANS);
  });
});

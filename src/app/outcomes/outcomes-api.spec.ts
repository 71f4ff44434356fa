import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { csrfInterceptor } from '../core/http/csrf-interceptor';
import { OutcomesApi, csvExportHref } from './outcomes-api';
import { CLINICIANS, aDashboard } from './testing/outcomes-fixtures';

describe('OutcomesApi', () => {
  let api: OutcomesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    api = TestBed.inject(OutcomesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  it('gets the dashboard with the filters as (repeated) query parameters and parses it with the contract', async () => {
    const result = firstValueFrom(api.dashboard({ treatment: ['SCS-IMPLANT', 'SCS-10KHZ'], referredFrom: '2025-01-01' }));
    const req = http.expectOne((r) => r.url === '/api/outcomes/dashboard');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.getAll('treatment')).toEqual(['SCS-IMPLANT', 'SCS-10KHZ']);
    expect(req.request.params.get('referredFrom')).toBe('2025-01-01');
    req.flush(aDashboard());
    expect((await result).tiles.activeCases).toEqual({ value: 160, suppressed: false });
  });

  it('refuses an answer that breaks the contract', async () => {
    const result = firstValueFrom(api.dashboard({}));
    http.expectOne('/api/outcomes/dashboard').flush({ ...aDashboard(), tiles: null });
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ name: 'ZodError' }));
  });

  it('gets the clinicians to filter by and parses them with the contract', async () => {
    const result = firstValueFrom(api.clinicians());
    const req = http.expectOne('/api/outcomes/clinicians');
    expect(req.request.method).toBe('GET');
    req.flush({ items: CLINICIANS });
    expect(await result).toEqual(CLINICIANS);
  });

  it('refuses a clinician list that breaks the contract', async () => {
    const result = firstValueFrom(api.clinicians());
    http.expectOne('/api/outcomes/clinicians').flush({ items: [{ id: 'not-an-id', displayName: 'Dr Who', role: 'specialist' }] });
    await expectAsync(result).toBeRejectedWith(jasmine.objectContaining({ name: 'ZodError' }));
  });

  it('sends the chosen clinician with the dashboard request', () => {
    api.dashboard({ clinician: CLINICIANS[0]?.id }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/outcomes/dashboard');
    expect(req.request.params.get('clinician')).toBe(CLINICIANS[0]?.id ?? null);
    req.flush(aDashboard());
  });

  it('records a browser export with its filters (POST, marked as our own request)', async () => {
    const done = firstValueFrom(api.recordExport({ format: 'png', chart: 'responders' }, { treatment: ['SCS-IMPLANT'] }));
    const req = http.expectOne('/api/outcomes/export-events');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ format: 'png', chart: 'responders', filters: { treatment: ['SCS-IMPLANT'] } });
    expect(req.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await expectAsync(done).toBeResolved();
  });

  it('links the CSV export of a table with the current filters', () => {
    expect(csvExportHref('responders', {})).toBe('/api/outcomes/export?table=responders');
    expect(csvExportHref('odi-change', { treatment: ['SCS-IMPLANT', 'SCS-10KHZ'], referredTo: '2025-12-31' })).toBe(
      '/api/outcomes/export?table=odi-change&referredTo=2025-12-31&treatment=SCS-IMPLANT&treatment=SCS-10KHZ',
    );
  });
});

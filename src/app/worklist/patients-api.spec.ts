import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PatientListResponse } from '@shared/contracts/patients';
import { aPage, aPatient } from '../testing/fixtures';
import { PatientsApi } from './patients-api';
import { DEFAULT_WORKLIST_QUERY } from './worklist-query';

describe('PatientsApi', () => {
  let api: PatientsApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PatientsApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('GET /api/patients with paging, sort and repeated filters', () => {
    let response: PatientListResponse | undefined;
    const page = aPage([aPatient()], { total: 41, page: 2, pageSize: 10 });
    api
      .list({ ...DEFAULT_WORKLIST_QUERY, page: 2, pageSize: 10, sort: '-name', q: 'smi', status: ['triage', 'assessment'] })
      .subscribe((r) => (response = r));
    const req = controller.expectOne((r) => r.url === '/api/patients');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('10');
    expect(req.request.params.get('sort')).toBe('-name');
    expect(req.request.params.get('q')).toBe('smi');
    expect(req.request.params.getAll('status')).toEqual(['triage', 'assessment']);
    expect(req.request.urlWithParams).toContain('status=triage&status=assessment');
    req.flush(page);
    expect(response).toEqual(page);
  });

  it('rejects a response that breaks the contract', () => {
    let failed = false;
    api.list(DEFAULT_WORKLIST_QUERY).subscribe({ error: () => (failed = true) });
    controller.expectOne((r) => r.url === '/api/patients').flush({ items: [{ id: 1 }], total: 1, page: 1, pageSize: 25 });
    expect(failed).toBeTrue();
  });

  it('counts overdue follow-ups with a one-row page of overdue=true', () => {
    let count: number | undefined;
    api.countOverdue().subscribe((n) => (count = n));
    const req = controller.expectOne((r) => r.url === '/api/patients');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('overdue')).toBe('true');
    expect(req.request.params.get('pageSize')).toBe('1');
    expect(req.request.params.get('page')).toBe('1');
    // Clinic-wide: none of the worklist's other filters.
    expect(req.request.params.keys().sort()).toEqual(['overdue', 'page', 'pageSize', 'sort']);
    req.flush(aPage([aPatient()], { total: 37, pageSize: 1 }));
    expect(count).toBe(37);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RegisterReferralBody } from '@shared/contracts/patients';
import { aCase } from '../case/case-fixtures';
import { ReferralApi } from './referral-api';

describe('ReferralApi', () => {
  let api: ReferralApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ReferralApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  it('checks an MRN', () => {
    let result: unknown;
    api.checkMrn('MRN 1').subscribe((r) => (result = r));
    const req = http.expectOne((r) => r.url === '/api/patients/mrn-check');
    expect(req.request.params.get('mrn')).toBe('MRN 1');
    req.flush({ exists: false, patient: null });
    expect(result).toEqual({ exists: false, patient: null });
  });

  it('registers a referral with an Idempotency-Key', () => {
    const body = { patient: {}, referral: {}, surgeries: [] } as unknown as RegisterReferralBody;
    let result: unknown;
    api.register(body, 'key-1').subscribe((r) => (result = r));
    const req = http.expectOne({ method: 'POST', url: '/api/patients' });
    expect(req.request.headers.get('Idempotency-Key')).toBe('key-1');
    const response = { patient: aCase(), createdPatient: false };
    req.flush(response);
    expect(result).toEqual(response);
  });
});

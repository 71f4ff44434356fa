import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FhirImportPreview } from '@shared/contracts/fhir';
import { FhirExportApi, type FhirExport } from './fhir-export-api';
import { FhirImportApi, type FhirImportProgress } from './fhir-import-api';
import { PATIENT_ID, aPreview, aReport } from './testing/builders';

const BUNDLE = '{ "resourceType": "Bundle", "type": "collection", "entry": [] }';

describe('FhirImportApi', () => {
  let api: FhirImportApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(FhirImportApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('POSTs the text of the file unchanged as application/fhir+json for the preview', () => {
    let preview: FhirImportPreview | undefined;
    api.preview(BUNDLE).subscribe((p) => (preview = p));
    const req = controller.expectOne('/api/fhir-import/preview');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBe(BUNDLE);
    expect(req.request.headers.get('Content-Type')).toBe('application/fhir+json');
    req.flush(aPreview());
    expect(preview).toEqual(aPreview());
  });

  it('rejects a preview that breaks the contract', () => {
    let failed = false;
    api.preview(BUNDLE).subscribe({ error: () => (failed = true) });
    controller.expectOne('/api/fhir-import/preview').flush({ patient: null });
    expect(failed).toBeTrue();
  });

  it('imports with the Idempotency-Key, reporting upload progress and then the report', () => {
    const events: FhirImportProgress[] = [];
    api.importBundle(BUNDLE, 'key-1').subscribe((e) => events.push(e));
    const req = controller.expectOne('/api/fhir-import');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBe(BUNDLE);
    expect(req.request.reportProgress).toBeTrue();
    expect(req.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(req.request.headers.get('Content-Type')).toBe('application/fhir+json');
    req.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 62 });
    req.event({ type: HttpEventType.UploadProgress, loaded: 62 });
    req.flush(aReport(), { status: 201, statusText: 'Created' });
    expect(events).toEqual([
      { kind: 'upload', loaded: 30, total: 62 },
      { kind: 'upload', loaded: 62, total: 62 },
      { kind: 'done', report: aReport() },
    ]);
  });
});

describe('FhirExportApi', () => {
  let api: FhirExportApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(FhirExportApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('GETs the bundle as a Blob with the file name from Content-Disposition', () => {
    let result: FhirExport | undefined;
    api.exportBundle(PATIENT_ID).subscribe((r) => (result = r));
    const req = controller.expectOne(`/api/patients/${PATIENT_ID}/fhir`);
    expect(req.request.responseType).toBe('blob');
    expect(req.request.headers.get('Accept')).toBe('application/fhir+json');
    const blob = new Blob(['{}'], { type: 'application/fhir+json' });
    req.flush(blob, { headers: { 'Content-Disposition': 'attachment; filename="fbss-MRN-1-2025-06-01.fhir.json"' } });
    expect(result).toEqual({ blob, filename: 'fbss-MRN-1-2025-06-01.fhir.json' });
  });
});

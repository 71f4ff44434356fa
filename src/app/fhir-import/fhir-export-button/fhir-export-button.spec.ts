import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { problemInterceptor } from '../../core/http/problem-interceptor';
import { FileSaver } from '../save-file';
import { PATIENT_ID } from '../testing/builders';
import { FhirExportButton } from './fhir-export-button';

describe('FhirExportButton', () => {
  let fixture: ComponentFixture<FhirExportButton>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let saver: jasmine.SpyObj<FileSaver>;

  async function render(role: Role, mrn: string | null = 'MRN-77'): Promise<void> {
    TestBed.inject(MockStore).overrideSelector(authFeature.selectRole, role);
    fixture = TestBed.createComponent(FhirExportButton);
    fixture.componentRef.setInput('patientId', PATIENT_ID);
    fixture.componentRef.setInput('mrn', mrn);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  /** The download runs in a promise: let it finish, then render. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ').trim();
  }

  const exportButton = () => loader.getHarness(MatButtonHarness.with({ text: /Export as FHIR|Exporting/ }));

  beforeEach(() => {
    saver = jasmine.createSpyObj<FileSaver>('FileSaver', ['save']);
    TestBed.configureTestingModule({
      imports: [FhirExportButton],
      providers: [
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideMockStore({ selectors: [{ selector: authFeature.selectStatus, value: 'signed-in' }] }),
        { provide: FileSaver, useValue: saver },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MockStore).resetSelectors();
  });

  it('is not shown to roles without fhir.export (nurse)', async () => {
    await render('nurse');
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
  });

  it('downloads the bundle under the name the server gives, and says so', async () => {
    await render('specialist');
    await (await exportButton()).click();
    const req = http.expectOne(`/api/patients/${PATIENT_ID}/fhir`);
    expect(req.request.method).toBe('GET');
    expect(await (await exportButton()).getText()).toContain('Exporting');
    expect(await (await exportButton()).isDisabled()).toBeTrue();
    const blob = new Blob(['{"resourceType":"Bundle","type":"collection"}'], { type: 'application/fhir+json' });
    req.flush(blob, { headers: { 'Content-Disposition': 'attachment; filename="fbss-MRN-77-2025-06-01.fhir.json"' } });
    await settle();
    expect(saver.save).toHaveBeenCalledOnceWith(blob, 'fbss-MRN-77-2025-06-01.fhir.json');
    expect(text()).toContain('FHIR bundle downloaded as fbss-MRN-77-2025-06-01.fhir.json.');
    expect(await (await exportButton()).isDisabled()).toBeFalse();
  });

  it('names the file after the MRN when the server gives no name', async () => {
    await render('specialist');
    await (await exportButton()).click();
    http.expectOne(`/api/patients/${PATIENT_ID}/fhir`).flush(new Blob(['{}']));
    await settle();
    expect(saver.save).toHaveBeenCalledOnceWith(jasmine.any(Blob), 'fbss-MRN-77.fhir.json');
  });

  it('explains a failed export next to the button, and lets the user try again', async () => {
    await render('specialist');
    await (await exportButton()).click();
    http.expectOne(`/api/patients/${PATIENT_ID}/fhir`).flush(new Blob(['{}']), { status: 404, statusText: 'Not Found' });
    await settle();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The export failed: this patient record was not found.');
    expect(saver.save).not.toHaveBeenCalled();
    const host = await (await exportButton()).host();
    expect(await host.getAttribute('aria-describedby')).toBe(alert?.id ?? 'missing');

    await (await exportButton()).click();
    http.expectOne(`/api/patients/${PATIENT_ID}/fhir`).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(text()).toContain('The export failed. The server could not be reached.');
  });
});

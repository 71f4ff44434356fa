import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState, provideStore } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { FhirImportPreview, FhirImportReport } from '@shared/contracts/fhir';
import { csrfInterceptor } from '../../core/http/csrf-interceptor';
import { problemInterceptor } from '../../core/http/problem-interceptor';
import { ChosenBundleFile } from '../bundle-file';
import type { ImportFailure } from '../import-failure';
import { FhirImportPageActions } from '../state/fhir-import-page.actions';
import { importBundle, previewBundle, readBundleFile } from '../state/fhir-import.effects';
import { type ByteProgress, type FhirImportPhase, fhirImportFeature } from '../state/fhir-import.feature';
import { PATIENT_ID, aPreview, aReport, anImportPatient, anIssue } from '../testing/builders';
import { FhirImportPage } from './fhir-import-page';

const FILE = { name: 'hassan-jacobi.json', size: 502_478 };

/** A button's text as the harness reads it: the icon's ligature (if any, with no space), then the label. */
function buttonText(name: string): RegExp {
  return new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function text(fixture: ComponentFixture<unknown>): string {
  return (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');
}

/** Chooses a file through the (hidden) file input, as the file dialog would. */
function chooseFile(fixture: ComponentFixture<unknown>, file: File): void {
  const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
}

describe('FhirImportPage', () => {
  let fixture: ComponentFixture<FhirImportPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  interface View {
    phase?: FhirImportPhase;
    preview?: FhirImportPreview | null;
    report?: FhirImportReport | null;
    fileError?: string | null;
    failure?: ImportFailure | null;
    progress?: ByteProgress | null;
    percent?: number | null;
    saving?: boolean;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(fhirImportFeature.selectPhase, view.phase ?? 'choose');
    store.overrideSelector(fhirImportFeature.selectFile, view.phase && view.phase !== 'choose' ? FILE : null);
    store.overrideSelector(fhirImportFeature.selectPreview, view.preview ?? null);
    store.overrideSelector(fhirImportFeature.selectReport, view.report ?? null);
    store.overrideSelector(fhirImportFeature.selectFileError, view.fileError ?? null);
    store.overrideSelector(fhirImportFeature.selectFailure, view.failure ?? null);
    store.overrideSelector(fhirImportFeature.selectProgressPercent, view.percent ?? null);
    store.overrideSelector(fhirImportFeature.selectSaving, view.saving ?? false);
    fixture = TestBed.createComponent(FhirImportPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  /** A button by its text, after its icon's ligature. */
  const button = (name: string) => loader.getHarness(MatButtonHarness.with({ text: buttonText(name) }));

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [FhirImportPage],
      providers: [provideRouter([]), provideMockStore(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened, and offers the drop zone with its keyboard button', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.opened());
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.labels?.[0]?.textContent).toContain('Choose a FHIR bundle file');
    expect(text(fixture)).toContain('Drag a FHIR bundle file here');
    expect((fixture.nativeElement as HTMLElement).querySelector('[aria-current="step"]')?.textContent).toContain('Choose a file');
  });

  it('hands a chosen file to the effect that reads it', async () => {
    await render();
    const file = new File(['{}'], 'bundle.json', { type: 'application/json' });
    chooseFile(fixture, file);
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.fileChosen({ file: { name: 'bundle.json', size: 2 } }));
    expect(TestBed.inject(ChosenBundleFile).take()).toBe(file);
  });

  it('shows why a file was refused', async () => {
    await render({ fileError: 'This file is not valid JSON (Unexpected end of JSON input).' });
    expect(text(fixture)).toContain('This file cannot be imported. This file is not valid JSON (Unexpected end of JSON input).');
  });

  it('shows reading progress, then that the server checks the bundle', async () => {
    await render({ phase: 'reading', percent: 40 });
    expect(text(fixture)).toContain('hassan-jacobi.json 491 KB');
    expect(text(fixture)).toContain('Reading the file: 40%');
    expect(await (await loader.getHarness(MatProgressBarHarness)).getValue()).toBe(40);
    TestBed.inject(MockStore).resetSelectors();
    await render({ phase: 'previewing' });
    expect(text(fixture)).toContain('Checking the bundle');
    expect(await (await loader.getHarness(MatProgressBarHarness)).getMode()).toBe('indeterminate');
    await (await button('Cancel')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.startOverClicked());
  });

  it("shows the server's explanation of a bundle it refuses, with the fields at fault", async () => {
    await render({
      phase: 'preview-failed',
      failure: {
        status: 400,
        message: 'The body is a Patient resource, not a FHIR Bundle.',
        fieldErrors: [{ path: 'resourceType', message: 'Must be "Bundle"' }],
      },
    });
    expect(text(fixture)).toContain('hassan-jacobi.json cannot be imported');
    expect(text(fixture)).toContain('The body is a Patient resource, not a FHIR Bundle.');
    expect(text(fixture)).toContain('resourceType: Must be "Bundle"');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: buttonText('Try again') }))).toEqual([]);
    await (await button('Choose another file')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.startOverClicked());
  });

  it('offers to retry a preview that failed for a reason that may pass', async () => {
    await render({ phase: 'preview-failed', failure: { status: 0, message: 'The server could not be reached.', fieldErrors: [] } });
    await (await button('Try again')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.previewRetried());
  });

  it('previews the patient, the counts by resource type and the problems, and imports on confirmation', async () => {
    await render({ phase: 'preview', preview: aPreview() });
    const page = text(fixture);
    expect(page).toContain('Preview: nothing is saved yet');
    expect(page).toContain('hassan-jacobi.json · 491 KB · transaction bundle · 87 entries');
    expect(page).toContain('Jacobi, Hassan');
    expect(page).toContain('SYN-68165820');
    expect(page).toContain('26 Sept 1964'.replace('Sept', 'Sep'));
    expect(page).toContain('New patient');
    expect(page).toContain('Of 87 entries: 7 to create, 0 to update, 0 already up to date, 79 to skip, 1 to reject.');
    expect(page).toContain('Error Entry 4 · Observation');
    expect(page).toContain('Pain score 11 is outside 0-10.');
    expect(page).toContain('Warning Bundle');

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(['Resource type', 'In bundle', 'To create', 'To update', 'Unchanged', 'To skip', 'To reject']);
    const cells = await table.getCellTextByColumnName();
    expect(cells['resourceType'].text).toEqual(['Observation', 'Claim', 'Patient']);
    expect(cells['received'].text).toEqual(['71', '15', '1']);
    expect(cells['rejected'].text).toEqual(['1', '0', '0']);
    const footer = await (await table.getFooterRows())[0]?.getCellTextByIndex();
    expect(footer).toEqual(['All entries', '87', '7', '0', '0', '79', '1']);

    await (await button('Import')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.importConfirmed());
    await (await button('Choose another file')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.startOverClicked());
  });

  it('says which existing patient the bundle updates, and how it was matched', async () => {
    await render({
      phase: 'preview',
      preview: aPreview({ patient: anImportPatient({ match: 'source-identifier', existingPatientId: PATIENT_ID }), fbssDiagnosis: true }),
    });
    expect(text(fixture)).toContain('Updates existing patient');
    expect(text(fixture)).toContain('Matched by identifier of the sending system.');
    expect(text(fixture)).toContain('FBSS diagnosisIn the bundle');
    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a[href]');
    expect(link?.getAttribute('href')).toBe(`/patients/${PATIENT_ID}`);
  });

  it('says when the clinic already has everything in the bundle', async () => {
    const counts = [{ resourceType: 'Observation', received: 8, created: 0, updated: 0, unchanged: 8, skipped: 0, rejected: 0 }];
    await render({ phase: 'preview', preview: aPreview({ counts }) });
    expect(text(fixture)).toContain('importing it would change nothing');
    TestBed.inject(MockStore).resetSelectors();
    await render({
      phase: 'imported',
      report: aReport({ patientCreated: false, patient: anImportPatient({ match: 'mrn', existingPatientId: PATIENT_ID }), counts }),
    });
    expect(text(fixture)).toContain('The record of Hassan Jacobi already had everything in this bundle: nothing was changed.');
  });

  it('lists the first problems and shows all on request', async () => {
    const issues = Array.from({ length: 12 }, (_, i) => anIssue({ index: i, message: `Problem ${String(i + 1)}` }));
    await render({ phase: 'preview', preview: aPreview({ issues, issuesOmitted: 3 }) });
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('.issue').length).toBe(8);
    expect(text(fixture)).toContain('3 more problems were found but not listed.');
    await (await button('Show all 12 problems')).click();
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('.issue').length).toBe(12);
  });

  it('shows upload progress during the import, then that the server is saving, with the buttons disabled', async () => {
    await render({ phase: 'importing', preview: aPreview(), percent: 60 });
    expect(text(fixture)).toContain('Sending the bundle: 60%');
    expect(await (await loader.getHarness(MatProgressBarHarness)).getValue()).toBe(60);
    expect(await (await button('Import')).isDisabled()).toBeTrue();
    expect(await (await button('Choose another file')).isDisabled()).toBeTrue();
    await (await button('Import')).click();
    expect(store.dispatch).not.toHaveBeenCalledWith(FhirImportPageActions.importConfirmed());
    TestBed.inject(MockStore).resetSelectors();
    await render({ phase: 'importing', preview: aPreview(), percent: 100, saving: true });
    expect(text(fixture)).toContain('Importing: the server is saving the records');
    expect(await (await loader.getHarness(MatProgressBarHarness)).getMode()).toBe('indeterminate');
  });

  it('keeps the preview after a failed import and offers to try again when that may help', async () => {
    await render({
      phase: 'preview',
      preview: aPreview(),
      failure: { status: 503, message: 'Something went wrong on the server.', fieldErrors: [] },
    });
    expect(text(fixture)).toContain('The import failed; nothing was saved.');
    expect(text(fixture)).toContain('Something went wrong on the server.');
    await (await button('Try the import again')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.importConfirmed());
    TestBed.inject(MockStore).resetSelectors();
    await render({
      phase: 'preview',
      preview: aPreview(),
      failure: { status: 422, message: 'A clinic patient with this MRN has a different date of birth.', fieldErrors: [] },
    });
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Import|Try the import/ }))).toEqual([]);
  });

  it('reports what the import did, with a link to the case', async () => {
    await render({ phase: 'imported', report: aReport() });
    expect(text(fixture)).toContain('Import complete');
    expect(text(fixture)).toContain('A new patient record was created for Hassan Jacobi. Of 87 entries: 7 created');
    const headers = await (await (await loader.getHarness(MatTableHarness)).getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(['Resource type', 'In bundle', 'Created', 'Updated', 'Unchanged', 'Skipped', 'Rejected']);
    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a[href]');
    expect(link?.textContent).toContain('Open the case');
    expect(link?.getAttribute('href')).toBe(`/patients/${PATIENT_ID}`);
    expect(document.activeElement?.id).toBe('report-title');
    await (await button('Import another file')).click();
    expect(store.dispatch).toHaveBeenCalledWith(FhirImportPageActions.startOverClicked());
  });
});

/** The page with its real store, effects and interceptors against a fake server: file -> preview -> import -> report. */
describe('FhirImportPage with its store', () => {
  let fixture: ComponentFixture<FhirImportPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FhirImportPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([csrfInterceptor, problemInterceptor])),
        provideHttpClientTesting(),
        provideStore({}, { runtimeChecks: { strictActionSerializability: true, strictStateSerializability: true } }),
        provideState(fhirImportFeature),
        provideEffects({ readBundleFile, previewBundle, importBundle }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FhirImportPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  it('reads the file, previews it, imports it on confirmation and shows the report', async () => {
    const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] });
    chooseFile(fixture, new File([bundle], 'hassan-jacobi.json', { type: 'application/json' }));

    await until(() => text(fixture).includes('Checking the bundle'));
    const preview = http.expectOne('/api/fhir-import/preview');
    expect(preview.request.body).toBe(bundle);
    expect(preview.request.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(preview.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    preview.flush(aPreview());
    await fixture.whenStable();
    expect(text(fixture)).toContain('Preview: nothing is saved yet');
    expect(document.activeElement?.id).toBe('preview-title');

    await (await loader.getHarness(MatButtonHarness.with({ text: buttonText('Import') }))).click();
    const request = http.expectOne('/api/fhir-import');
    expect(request.request.body).toBe(bundle);
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await fixture.whenStable();
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: buttonText('Import') }))).isDisabled()).toBeTrue();
    request.flush(aReport(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Import complete');
    expect(text(fixture)).toContain('A new patient record was created for Hassan Jacobi.');
  });

  it("refuses malformed JSON in the browser, and sends valid JSON that is not a Bundle for the server's explanation", async () => {
    chooseFile(fixture, new File(['{"resourceType": "Bundle", "entry": ['], 'broken.json'));
    await until(() => text(fixture).includes('not valid JSON'));
    expect(text(fixture)).toContain('This file cannot be imported. This file is not valid JSON');
    http.expectNone('/api/fhir-import/preview');

    chooseFile(fixture, new File(['{"resourceType": "Patient"}'], 'patient.json'));
    await until(() => text(fixture).includes('Checking the bundle'));
    http.expectOne('/api/fhir-import/preview').flush(
      {
        type: 'https://fbss.example/problems/validation',
        title: 'Invalid input',
        status: 400,
        detail:
          "The body is a Patient resource, not a FHIR Bundle. Send one patient's resources in a Bundle of type transaction, batch, collection, searchset.",
        errors: [{ path: 'resourceType', message: 'Must be "Bundle"' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(fixture)).toContain('patient.json cannot be imported');
    expect(text(fixture)).toContain('The body is a Patient resource, not a FHIR Bundle.');
    expect(text(fixture)).toContain('resourceType: Must be "Bundle"');
    expect(document.activeElement?.id).toBe('failure-title');
  });
});

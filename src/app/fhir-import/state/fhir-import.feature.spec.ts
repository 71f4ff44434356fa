import type { Action } from '@ngrx/store';
import { aPreview, aReport } from '../testing/builders';
import { BundleFileActions } from './bundle-file.actions';
import { FhirImportApiActions } from './fhir-import-api.actions';
import { FhirImportPageActions } from './fhir-import-page.actions';
import { type FhirImportState, fhirImportFeature, initialFhirImportState } from './fhir-import.feature';

const reduce = (actions: Action[], state: FhirImportState = initialFhirImportState): FhirImportState =>
  actions.reduce((s, a) => fhirImportFeature.reducer(s, a), state);

const file = { name: 'hassan-jacobi.json', size: 502_478 };
const failure = { status: 0, message: 'The server could not be reached.', fieldErrors: [] };

const read = [FhirImportPageActions.fileChosen({ file }), BundleFileActions.readSucceeded({ text: '{"resourceType":"Bundle"}' })];
const previewed = [...read, FhirImportApiActions.previewSucceeded({ preview: aPreview() })];

describe('fhirImportFeature', () => {
  it('reads a chosen file with progress, then asks for the preview with its text', () => {
    const reading = reduce([FhirImportPageActions.fileChosen({ file }), BundleFileActions.readProgressed({ loaded: 100, total: 400 })]);
    expect(reading).toEqual(jasmine.objectContaining({ phase: 'reading', file, progress: { loaded: 100, total: 400 } }));
    expect(fhirImportFeature.selectProgressPercent.projector(reading.progress)).toBe(25);
    const previewing = reduce(read);
    expect(previewing).toEqual(jasmine.objectContaining({ phase: 'previewing', bundle: '{"resourceType":"Bundle"}', progress: null }));
  });

  it('goes back to the file choice with the reason when the browser refuses the file', () => {
    const state = reduce([FhirImportPageActions.fileChosen({ file }), BundleFileActions.refused({ message: 'Too large.' })]);
    expect(state).toEqual({ ...initialFhirImportState, fileError: 'Too large.' });
  });

  it('refuses several dropped files with a plain reason', () => {
    expect(reduce([FhirImportPageActions.severalFilesDropped({ count: 3 })]).fileError).toBe(
      '3 files were dropped. Drop one bundle file at a time.',
    );
  });

  it('shows the preview, or the reason it failed, and retries the preview', () => {
    expect(reduce(previewed)).toEqual(jasmine.objectContaining({ phase: 'preview', preview: aPreview() }));
    const failed = reduce([...read, FhirImportApiActions.previewFailed({ failure })]);
    expect(failed).toEqual(jasmine.objectContaining({ phase: 'preview-failed', failure }));
    expect(reduce([FhirImportPageActions.previewRetried()], failed)).toEqual(
      jasmine.objectContaining({ phase: 'previewing', failure: null, bundle: '{"resourceType":"Bundle"}' }),
    );
  });

  it('imports with upload progress, then keeps the report and drops the bundle text', () => {
    const importing = reduce([
      ...previewed,
      FhirImportApiActions.importStarted({ idempotencyKey: 'key-1' }),
      FhirImportApiActions.uploadProgressed({ loaded: 400, total: 400 }),
    ]);
    expect(importing).toEqual(jasmine.objectContaining({ phase: 'importing', idempotencyKey: 'key-1' }));
    expect(fhirImportFeature.selectSaving.projector(importing.phase, importing.progress)).toBeTrue();
    expect(fhirImportFeature.selectBusy.projector(importing.phase)).toBeTrue();
    const done = reduce([FhirImportApiActions.importSucceeded({ report: aReport() })], importing);
    expect(done).toEqual(jasmine.objectContaining({ phase: 'imported', report: aReport(), bundle: null, progress: null }));
  });

  it('keeps the preview and the Idempotency-Key after a failed import, for a retry of the same import', () => {
    const state = reduce([
      ...previewed,
      FhirImportApiActions.importStarted({ idempotencyKey: 'key-1' }),
      FhirImportApiActions.importFailed({ failure }),
    ]);
    expect(state).toEqual(jasmine.objectContaining({ phase: 'preview', failure, idempotencyKey: 'key-1', preview: aPreview() }));
  });

  it('starts over from anything but an import under way', () => {
    expect(reduce([...previewed, FhirImportPageActions.startOverClicked()])).toEqual(initialFhirImportState);
    const importing = reduce([...previewed, FhirImportApiActions.importStarted({ idempotencyKey: 'key-1' })]);
    expect(reduce([FhirImportPageActions.opened()], importing)).toBe(importing);
    expect(reduce([FhirImportPageActions.fileChosen({ file })], importing)).toBe(importing);
    const imported = reduce([FhirImportApiActions.importSucceeded({ report: aReport() })], importing);
    expect(reduce([FhirImportPageActions.opened()], imported)).toEqual(initialFhirImportState);
  });

  it('ignores answers that arrive after the user moved on', () => {
    const choosing = reduce([...read, FhirImportPageActions.startOverClicked()]);
    expect(reduce([FhirImportApiActions.previewSucceeded({ preview: aPreview() })], choosing)).toBe(choosing);
    expect(reduce([BundleFileActions.readSucceeded({ text: '{}' })], choosing)).toBe(choosing);
    expect(reduce([FhirImportApiActions.importSucceeded({ report: aReport() })], choosing)).toBe(choosing);
  });

  it('has no percentage while the total is unknown', () => {
    expect(fhirImportFeature.selectProgressPercent.projector(null)).toBeNull();
    expect(fhirImportFeature.selectProgressPercent.projector({ loaded: 0, total: 0 })).toBeNull();
  });
});

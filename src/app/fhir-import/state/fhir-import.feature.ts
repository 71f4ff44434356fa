import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { FhirImportPreview, FhirImportReport } from '@shared/contracts/fhir';
import type { BundleFileInfo } from '../bundle-file';
import type { ImportFailure } from '../import-failure';
import { BundleFileActions } from './bundle-file.actions';
import { FhirImportApiActions } from './fhir-import-api.actions';
import { FhirImportPageActions } from './fhir-import-page.actions';

/**
 * Where the import stands: choose a file -> read it in the browser -> the server's preview -> the user confirms ->
 * import (upload, then the server's one transaction) -> the report.
 */
export type FhirImportPhase = 'choose' | 'reading' | 'previewing' | 'preview-failed' | 'preview' | 'importing' | 'imported';

export interface ByteProgress {
  readonly loaded: number;
  readonly total: number;
}

export interface FhirImportState {
  phase: FhirImportPhase;
  file: BundleFileInfo | null;
  /** The text of the file, sent unchanged to the preview and the import; dropped once imported. */
  bundle: string | null;
  /** Bytes read from the file (reading) or sent to the server (importing). */
  progress: ByteProgress | null;
  preview: FhirImportPreview | null;
  /** Made when the import is first confirmed; a retry of that import sends it again. */
  idempotencyKey: string | null;
  report: FhirImportReport | null;
  /** Why the chosen file was not sent (checked in the browser). */
  fileError: string | null;
  /** Why the preview (phase preview-failed) or the import (phase preview) failed. */
  failure: ImportFailure | null;
}

export const initialFhirImportState: FhirImportState = {
  phase: 'choose',
  file: null,
  bundle: null,
  progress: null,
  preview: null,
  idempotencyKey: null,
  report: null,
  fileError: null,
  failure: null,
};

/** An import under way is never abandoned by the page: the report appears when the server answers. */
const keepWhileImporting = (state: FhirImportState): FhirImportState => (state.phase === 'importing' ? state : initialFhirImportState);

export const fhirImportFeature = createFeature({
  name: 'fhirImport',
  reducer: createReducer(
    initialFhirImportState,
    on(FhirImportPageActions.opened, FhirImportPageActions.startOverClicked, keepWhileImporting),
    on(
      FhirImportPageActions.fileChosen,
      (state, { file }): FhirImportState => (state.phase === 'importing' ? state : { ...initialFhirImportState, phase: 'reading', file }),
    ),
    on(
      FhirImportPageActions.severalFilesDropped,
      (state, { count }): FhirImportState =>
        state.phase === 'importing'
          ? state
          : { ...initialFhirImportState, fileError: `${String(count)} files were dropped. Drop one bundle file at a time.` },
    ),
    on(
      BundleFileActions.readProgressed,
      (state, { loaded, total }): FhirImportState => (state.phase === 'reading' ? { ...state, progress: { loaded, total } } : state),
    ),
    on(
      BundleFileActions.readSucceeded,
      (state, { text }): FhirImportState =>
        state.phase === 'reading' ? { ...state, phase: 'previewing', bundle: text, progress: null } : state,
    ),
    on(
      BundleFileActions.refused,
      (state, { message }): FhirImportState => (state.phase === 'reading' ? { ...initialFhirImportState, fileError: message } : state),
    ),
    on(
      FhirImportPageActions.previewRetried,
      (state): FhirImportState =>
        state.phase === 'preview-failed' && state.bundle !== null ? { ...state, phase: 'previewing', failure: null } : state,
    ),
    on(
      FhirImportApiActions.previewSucceeded,
      (state, { preview }): FhirImportState => (state.phase === 'previewing' ? { ...state, phase: 'preview', preview } : state),
    ),
    on(
      FhirImportApiActions.previewFailed,
      (state, { failure }): FhirImportState => (state.phase === 'previewing' ? { ...state, phase: 'preview-failed', failure } : state),
    ),
    on(
      FhirImportApiActions.importStarted,
      (state, { idempotencyKey }): FhirImportState =>
        state.phase === 'preview' ? { ...state, phase: 'importing', idempotencyKey, failure: null, progress: null } : state,
    ),
    on(
      FhirImportApiActions.uploadProgressed,
      (state, { loaded, total }): FhirImportState => (state.phase === 'importing' ? { ...state, progress: { loaded, total } } : state),
    ),
    on(
      FhirImportApiActions.importSucceeded,
      (state, { report }): FhirImportState =>
        state.phase === 'importing' ? { ...state, phase: 'imported', report, bundle: null, progress: null } : state,
    ),
    on(
      FhirImportApiActions.importFailed,
      (state, { failure }): FhirImportState =>
        state.phase === 'importing' ? { ...state, phase: 'preview', failure, progress: null } : state,
    ),
  ),
  extraSelectors: ({ selectPhase, selectProgress }) => ({
    /** Whole percent of the bytes read or sent; null while unknown. */
    selectProgressPercent: createSelector(selectProgress, (progress) =>
      progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null,
    ),
    /** Importing, and every byte is sent: the server is writing the records. */
    selectSaving: createSelector(
      selectPhase,
      selectProgress,
      (phase, progress) => phase === 'importing' && progress !== null && progress.loaded >= progress.total,
    ),
    selectBusy: createSelector(selectPhase, (phase) => phase === 'reading' || phase === 'previewing' || phase === 'importing'),
  }),
});

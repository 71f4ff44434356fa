import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { FHIR_IMPORT_MAX_BYTES } from '@shared/contracts/fhir';
import { EMPTY, catchError, concat, exhaustMap, filter, map, of, switchMap, withLatestFrom } from 'rxjs';
import { fileProblem, jsonProblem } from '../bundle-checks';
import { type BundleFileInfo, BundleFileReader, ChosenBundleFile } from '../bundle-file';
import { FhirImportApi } from '../fhir-import-api';
import { newIdempotencyKey } from '../idempotency-key';
import { failureOf } from '../import-failure';
import { BundleFileActions } from './bundle-file.actions';
import { FhirImportApiActions } from './fhir-import-api.actions';
import { FhirImportPageActions } from './fhir-import-page.actions';
import { fhirImportFeature } from './fhir-import.feature';

/** Actions after which a file being read, or a preview being asked for, is no longer wanted. */
const LEAVING = [FhirImportPageActions.opened, FhirImportPageActions.startOverClicked, FhirImportPageActions.severalFilesDropped] as const;

/**
 * Reads the chosen file in the browser: refuses it when it is empty or over the size limit (before reading), or
 * when its text is not JSON; otherwise hands the text on unchanged. A newer file, or starting over, aborts the read.
 */
export const readBundleFile = createEffect(
  (
    actions$ = inject(Actions),
    chosen = inject(ChosenBundleFile),
    reader = inject(BundleFileReader),
    maxBytes: number = FHIR_IMPORT_MAX_BYTES,
  ) => {
    return actions$.pipe(
      ofType(FhirImportPageActions.fileChosen, ...LEAVING),
      switchMap((action) => (action.type === FhirImportPageActions.fileChosen.type ? read(action.file) : EMPTY)),
    );

    function read(info: BundleFileInfo) {
      const file = chosen.take();
      if (!file) return of(BundleFileActions.refused({ message: `${info.name} could not be read. Choose it again.` }));
      const tooLarge = fileProblem(info, maxBytes);
      if (tooLarge) return of(BundleFileActions.refused({ message: tooLarge }));
      return reader.read(file).pipe(
        map((event) => {
          if (event.kind === 'progress') return BundleFileActions.readProgressed({ loaded: event.loaded, total: event.total });
          const notJson = jsonProblem(event.text);
          return notJson ? BundleFileActions.refused({ message: notJson }) : BundleFileActions.readSucceeded({ text: event.text });
        }),
        catchError(() =>
          of(
            BundleFileActions.refused({
              message: `${info.name} could not be read. Check that the file is still there and choose it again.`,
            }),
          ),
        ),
      );
    }
  },
  { functional: true },
);

/** Asks the server what importing the bundle would do, once the file is read (and on Retry). */
export const previewBundle = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(FhirImportApi)) => {
    return actions$.pipe(
      ofType(BundleFileActions.readSucceeded, FhirImportPageActions.previewRetried, FhirImportPageActions.fileChosen, ...LEAVING),
      withLatestFrom(store.select(fhirImportFeature.selectPhase), store.select(fhirImportFeature.selectBundle)),
      switchMap(([action, phase, bundle]) => {
        const asks = action.type === BundleFileActions.readSucceeded.type || action.type === FhirImportPageActions.previewRetried.type;
        if (!asks || phase !== 'previewing' || bundle === null) return EMPTY;
        return api.preview(bundle).pipe(
          map((preview) => FhirImportApiActions.previewSucceeded({ preview })),
          catchError((error: unknown) => of(FhirImportApiActions.previewFailed({ failure: failureOf(error) }))),
        );
      }),
    );
  },
  { functional: true },
);

/**
 * Imports the previewed bundle once the user confirms, reporting upload progress. The Idempotency-Key is made
 * at the first confirmation and sent again when the user retries the same import; clicks while an import is
 * under way are ignored. An import is never cancelled from the page (the server may already be writing).
 */
export const importBundle = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(FhirImportApi), newKey: () => string = newIdempotencyKey) => {
    return actions$.pipe(
      ofType(FhirImportPageActions.importConfirmed),
      withLatestFrom(
        store.select(fhirImportFeature.selectPhase),
        store.select(fhirImportFeature.selectBundle),
        store.select(fhirImportFeature.selectIdempotencyKey),
      ),
      filter(([, phase, bundle]) => phase === 'preview' && bundle !== null),
      exhaustMap(([, , bundle, key]) => {
        const idempotencyKey = key ?? newKey();
        return concat(
          of(FhirImportApiActions.importStarted({ idempotencyKey })),
          api.importBundle(bundle ?? '', idempotencyKey).pipe(
            map((progress) =>
              progress.kind === 'upload'
                ? FhirImportApiActions.uploadProgressed({ loaded: progress.loaded, total: progress.total })
                : FhirImportApiActions.importSucceeded({ report: progress.report }),
            ),
            catchError((error: unknown) => of(FhirImportApiActions.importFailed({ failure: failureOf(error) }))),
          ),
        );
      }),
    );
  },
  { functional: true },
);

import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { BundleFileInfo } from '../bundle-file';

export const FhirImportPageActions = createActionGroup({
  source: 'FHIR Import Page',
  events: {
    Opened: emptyProps(),
    /** Chosen with the button or dropped; the file itself waits in ChosenBundleFile for the effect that reads it. */
    'File Chosen': props<{ file: BundleFileInfo }>(),
    /** More than one file dropped at once: one patient's bundle is imported at a time. */
    'Several Files Dropped': props<{ count: number }>(),
    /** Ask the server for the preview again (after a failure that may pass). */
    'Preview Retried': emptyProps(),
    /** The user confirmed the preview; also a retry after a failed import (same Idempotency-Key). */
    'Import Confirmed': emptyProps(),
    /** Back to the file choice: the file, preview and report are dropped. */
    'Start Over Clicked': emptyProps(),
  },
});

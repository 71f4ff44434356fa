import { createActionGroup, props } from '@ngrx/store';
import type { FhirImportPreview, FhirImportReport } from '@shared/contracts/fhir';
import type { ImportFailure } from '../import-failure';

export const FhirImportApiActions = createActionGroup({
  source: 'FHIR Import API',
  events: {
    'Preview Succeeded': props<{ preview: FhirImportPreview }>(),
    'Preview Failed': props<{ failure: ImportFailure }>(),
    /** The key is made once per confirmed import and sent again on a retry. */
    'Import Started': props<{ idempotencyKey: string }>(),
    'Upload Progressed': props<{ loaded: number; total: number }>(),
    'Import Succeeded': props<{ report: FhirImportReport }>(),
    'Import Failed': props<{ failure: ImportFailure }>(),
  },
});

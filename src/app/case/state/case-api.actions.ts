import { createActionGroup, props } from '@ngrx/store';
import type { CauseTag, ClinicalNote, Clinician, Patient } from '@shared/contracts/patients';
import type { SaveFailure } from '../operation';

export const CaseApiActions = createActionGroup({
  source: 'Case API',
  events: {
    'Patient Load Succeeded': props<{ patient: Patient }>(),
    'Patient Load Failed': props<{ patientId: string; status: number; error: string }>(),
    'Causes Load Succeeded': props<{ patientId: string; causes: CauseTag[] }>(),
    'Causes Load Failed': props<{ patientId: string; error: string }>(),
    'Notes Load Succeeded': props<{ patientId: string; notes: ClinicalNote[] }>(),
    'Notes Load Failed': props<{ patientId: string; error: string }>(),
    'Clinicians Load Succeeded': props<{ clinicians: Clinician[] }>(),
    'Clinicians Load Failed': props<{ error: string }>(),
    'Details Save Succeeded': props<{ patient: Patient }>(),
    'Details Save Failed': props<{ failure: SaveFailure }>(),
    'Status Change Succeeded': props<{ patient: Patient }>(),
    'Status Change Failed': props<{ failure: SaveFailure }>(),
    'Cause Add Succeeded': props<{ cause: CauseTag }>(),
    'Cause Add Failed': props<{ failure: SaveFailure }>(),
    'Cause Update Succeeded': props<{ cause: CauseTag }>(),
    'Cause Update Failed': props<{ causeId: string; failure: SaveFailure }>(),
    'Cause Entered In Error Succeeded': props<{ causeId: string }>(),
    'Cause Entered In Error Failed': props<{ causeId: string; failure: SaveFailure }>(),
    'Note Add Succeeded': props<{ note: ClinicalNote }>(),
    'Note Add Failed': props<{ failure: SaveFailure }>(),
    'Note Entered In Error Succeeded': props<{ note: ClinicalNote }>(),
    'Note Entered In Error Failed': props<{ noteId: string; failure: SaveFailure }>(),
  },
});

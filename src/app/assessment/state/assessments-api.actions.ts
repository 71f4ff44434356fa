import { createActionGroup, props } from '@ngrx/store';
import type { Assessment, RedFlagAlert } from '@shared/contracts/assessments';
import type { Patient } from '@shared/contracts/patients';
import type { TreatmentPlan } from '@shared/contracts/plans';
import type { Failure } from './failure';

export const AssessmentsApiActions = createActionGroup({
  source: 'Assessments API',
  events: {
    'Patient Loaded': props<{ patient: Patient }>(),
    'Patient Load Failed': props<{ patientId: string; error: string }>(),
    'Assessments Load Started': props<{ patientId: string }>(),
    'Assessments Loaded': props<{ patientId: string; assessments: Assessment[] }>(),
    'Assessments Load Failed': props<{ patientId: string; error: string }>(),
    'Red Flags Loaded': props<{ patientId: string; alerts: RedFlagAlert[] }>(),
    'Red Flags Load Failed': props<{ patientId: string; error: string }>(),
    'Plans Loaded': props<{ patientId: string; plans: TreatmentPlan[] }>(),
    'Plans Load Failed': props<{ patientId: string; error: string }>(),
    /** 201: the server has it. `assessment` is null when its answer could not be read. */
    'Create Succeeded': props<{
      patientId: string;
      patientLabel: string;
      key: string;
      assessment: Assessment | null;
      returnUrl: string | null;
    }>(),
    /** Not sent yet (no connection, server busy): it waits in the outbox. */
    'Create Queued': props<{ patientId: string; key: string; reason: string }>(),
    /** The server refused the content (400 with field errors, 403...): nothing was saved. */
    'Create Rejected': props<{ patientId: string; key: string; failure: Failure }>(),
    'Entered In Error Succeeded': props<{ assessment: Assessment }>(),
    'Entered In Error Failed': props<{ assessmentId: string; failure: Failure }>(),
    'Acknowledge Succeeded': props<{ alert: RedFlagAlert }>(),
    'Acknowledge Failed': props<{ alertId: string; failure: Failure }>(),
  },
});

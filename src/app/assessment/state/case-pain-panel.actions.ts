import { createActionGroup, props } from '@ngrx/store';
import type { AcknowledgeRedFlagBody } from '@shared/contracts/assessments';
import type { EnteredInErrorBody } from '@shared/contracts/common';

export const CasePainPanelActions = createActionGroup({
  source: 'Case Pain Panel',
  events: {
    Opened: props<{ patientId: string }>(),
    'Retry Clicked': props<{ patientId: string }>(),
    'Entered In Error Submitted': props<{ patientId: string; assessmentId: string; body: EnteredInErrorBody }>(),
    'Acknowledge Submitted': props<{ patientId: string; alertId: string; body: AcknowledgeRedFlagBody }>(),
  },
});

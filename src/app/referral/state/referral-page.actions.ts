import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { RegisterReferralBody } from '@shared/contracts/patients';

export const ReferralPageActions = createActionGroup({
  source: 'Referral Page',
  events: {
    Opened: emptyProps(),
    /** Every change of the MRN field; checked against known patients once it is valid and settled. */
    'Mrn Changed': props<{ mrn: string }>(),
    Submitted: props<{ body: RegisterReferralBody; idempotencyKey: string }>(),
  },
});

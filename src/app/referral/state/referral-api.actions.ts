import { createActionGroup, props } from '@ngrx/store';
import type { MrnCheckResponse, RegisterReferralResponse } from '@shared/contracts/patients';
import type { SaveFailure } from '../../case/operation';

export const ReferralApiActions = createActionGroup({
  source: 'Referral API',
  events: {
    'Mrn Check Started': props<{ mrn: string }>(),
    'Mrn Check Succeeded': props<{ mrn: string; result: MrnCheckResponse }>(),
    'Mrn Check Failed': props<{ mrn: string; error: string }>(),
    'Register Succeeded': props<{ response: RegisterReferralResponse }>(),
    'Register Failed': props<{ failure: SaveFailure }>(),
  },
});

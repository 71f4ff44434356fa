import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { ReferralPage } from './referral-page/referral-page';
import { checkMrn, openRegisteredCase, register } from './state/referral.effects';
import { referralFeature } from './state/referral.feature';

export default [
  {
    path: '',
    component: ReferralPage,
    title: 'New referral',
    providers: [provideState(referralFeature), provideEffects({ checkMrn, register, openRegisteredCase })],
  },
] satisfies Routes;

import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { FollowUpsPage } from './follow-ups-page/follow-ups-page';
import { loadFollowUps, navigateToQuery } from './state/follow-ups.effects';
import { followUpsFeature } from './state/follow-ups.feature';

/** `/follow-ups` (permission 'follow-up.read', checked in app.routes.ts). */
export default [
  {
    path: '',
    component: FollowUpsPage,
    title: 'Follow-ups due',
    providers: [provideState(followUpsFeature), provideEffects({ loadFollowUps, navigateToQuery })],
  },
] satisfies Routes;

import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { CasePage } from './case-page/case-page';
import * as caseEffects from './state/case.effects';
import { caseFeature } from './state/case.feature';

export default [
  {
    path: '',
    component: CasePage,
    title: 'Case',
    providers: [provideState(caseFeature), provideEffects(caseEffects)],
  },
] satisfies Routes;

import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { WorklistPage } from './worklist-page/worklist-page';
import { loadPatients, navigateToQuery } from './state/worklist.effects';
import { worklistFeature } from './state/worklist.feature';

export default [
  {
    path: '',
    component: WorklistPage,
    title: 'Worklist',
    providers: [provideState(worklistFeature), provideEffects({ loadPatients, navigateToQuery })],
  },
] satisfies Routes;

import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { WorklistPage } from './worklist-page/worklist-page';
import { loadOverdueCount, loadPatients, navigateToQuery } from './state/worklist.effects';
import { worklistFeature } from './state/worklist.feature';

export default [
  {
    path: '',
    component: WorklistPage,
    title: 'Worklist',
    providers: [provideState(worklistFeature), provideEffects({ loadPatients, loadOverdueCount, navigateToQuery })],
  },
] satisfies Routes;

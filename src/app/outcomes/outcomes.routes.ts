import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { provideCharts } from 'ng2-charts';
import { CHART_REGISTERABLES } from './charts/chart-registerables';
import { OutcomesPage } from './outcomes-page/outcomes-page';
import { loadClinicians, loadDashboard, navigateToFilters, openPrintDialog, recordChartImage, recordPrint } from './state/outcomes.effects';
import { outcomesFeature } from './state/outcomes.feature';

export default [
  {
    path: '',
    component: OutcomesPage,
    title: 'Outcomes',
    providers: [
      provideState(outcomesFeature),
      provideEffects({ loadDashboard, loadClinicians, navigateToFilters, recordChartImage, recordPrint, openPrintDialog }),
      // Chart code lives in this lazy chunk only.
      provideCharts({ registerables: CHART_REGISTERABLES }),
    ],
  },
] satisfies Routes;

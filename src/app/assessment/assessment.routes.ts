import type { Routes } from '@angular/router';
import { provideAssessmentsState } from './assessments-state';
import { RecordAssessmentPage } from './record-assessment-page/record-assessment-page';

/** `/patients/:id/assess` (permission 'assessment.create', checked in app.routes.ts). */
export default [
  {
    path: '',
    component: RecordAssessmentPage,
    title: 'Record assessment',
    providers: [provideAssessmentsState()],
  },
] satisfies Routes;

import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { FhirImportPage } from './fhir-import-page/fhir-import-page';
import { importBundle, previewBundle, readBundleFile } from './state/fhir-import.effects';
import { fhirImportFeature } from './state/fhir-import.feature';

export default [
  {
    path: '',
    component: FhirImportPage,
    title: 'FHIR import',
    providers: [provideState(fhirImportFeature), provideEffects({ readBundleFile, previewBundle, importBundle })],
  },
] satisfies Routes;

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { FhirImportPatient } from '@shared/contracts/fhir';
import { SEX_LABELS } from '@shared/domain/case-status';

const MATCHED_BY: Readonly<Record<Exclude<FhirImportPatient['match'], 'new'>, string>> = {
  mrn: 'MRN',
  'source-identifier': 'identifier of the sending system',
};

/** Whose record the bundle is, and whether it is a new patient or one the clinic has (and how it was matched). */
@Component({
  selector: 'app-fhir-patient-summary',
  imports: [DatePipe, RouterLink, MatIcon],
  templateUrl: './fhir-patient-summary.html',
  styleUrl: './fhir-patient-summary.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirPatientSummary {
  readonly patient = input.required<FhirImportPatient>();
  /** Preview: "will be created"; report: "was created". */
  readonly mode = input<'preview' | 'report'>('preview');
  /** An FBSS / post-laminectomy syndrome diagnosis (ICD-10-CM M96.1 or SNOMED CT) is in the bundle. */
  readonly fbssDiagnosis = input(false);

  protected readonly name = computed(() => `${this.patient().familyName}, ${this.patient().givenName}`);
  protected readonly sex = computed(() => SEX_LABELS[this.patient().sex]);
  protected readonly isNew = computed(() => this.patient().match === 'new');
  protected readonly matchedBy = computed(() => {
    const match = this.patient().match;
    return match === 'new' ? null : MATCHED_BY[match];
  });
}

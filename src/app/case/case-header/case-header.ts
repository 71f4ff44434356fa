import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Patient } from '@shared/contracts/patients';
import { CASE_STATUS_LABELS, REFERRAL_PRIORITY_LABELS, SEX_LABELS } from '@shared/domain/case-status';
import { ageOn } from '../../worklist/worklist-row';
import { FhirExportButton } from '../../fhir-import/fhir-export-button/fhir-export-button';
import { indexSurgery, sinceSurgery } from '../case-facts';

/** Who the case is about, where it stands, and an urgent banner while a red flag is open. */
@Component({
  selector: 'app-case-header',
  imports: [DatePipe, RouterLink, MatAnchor, MatIcon, FhirExportButton],
  templateUrl: './case-header.html',
  styleUrl: './case-header.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseHeader {
  readonly patient = input.required<Patient>();
  /** The clinic's date, YYYY-MM-DD. */
  readonly today = input.required<string>();
  readonly canAssess = input(false);

  protected readonly name = computed(() => `${this.patient().familyName}, ${this.patient().givenName}`);
  protected readonly age = computed(() => ageOn(this.patient().dateOfBirth, this.today()));
  protected readonly sex = computed(() => SEX_LABELS[this.patient().sex]);
  protected readonly status = computed(() => CASE_STATUS_LABELS[this.patient().status]);
  protected readonly priority = computed(() => REFERRAL_PRIORITY_LABELS[this.patient().priority]);
  protected readonly urgent = computed(() => this.patient().priority !== 'routine');
  protected readonly since = computed(() => sinceSurgery(indexSurgery(this.patient()), this.today()));
}

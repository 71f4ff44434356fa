import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import type { Patient } from '@shared/contracts/patients';
import { REFERRAL_PRIORITY_LABELS } from '@shared/domain/case-status';
import { levelsLabel, procedureName } from '../case-facts';

const REFERRAL_STATUS_LABELS = { active: 'Active', completed: 'Completed', revoked: 'Revoked' } as const;

/** Referral episodes (newest first) and the spinal surgeries before them (in the order they happened). */
@Component({
  selector: 'app-referral-card',
  imports: [DatePipe, MatCard, MatCardHeader, MatCardTitle, MatCardContent],
  templateUrl: './referral-card.html',
  styleUrl: './referral-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralCard {
  readonly patient = input.required<Patient>();

  protected readonly referrals = computed(() =>
    this.patient().referrals.map((referral, index, all) => ({
      ...referral,
      episode: all.length - index,
      priorityLabel: REFERRAL_PRIORITY_LABELS[referral.priority],
      statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    })),
  );

  protected readonly surgeries = computed(() =>
    [...this.patient().surgeries]
      .sort((a, b) => a.performedOn.localeCompare(b.performedOn))
      .map((surgery, index) => ({
        ...surgery,
        number: index + 1,
        procedureName: procedureName(surgery.procedure),
        levelsLabel: levelsLabel(surgery.levels),
      })),
  );
}

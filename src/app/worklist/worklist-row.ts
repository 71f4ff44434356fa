import type { PatientListItem } from '@shared/contracts/patients';
import { CASE_STATUS_LABELS, REFERRAL_PRIORITY_LABELS, SEX_LABELS } from '@shared/domain/case-status';
import type { CauseStatus } from '@shared/domain/causes';
import { completedMonthsBetween, daysBetween, followUpState, isUnderChronicPainThreshold } from '@shared/domain/follow-up';
import { procedureByCode } from '@shared/domain/procedures';

/** Statuses before treatment starts: time since referral is waiting time. */
const WAITING_STATUSES: ReadonlySet<PatientListItem['status']> = new Set(['referred', 'triage', 'assessment']);

export interface NrsCell {
  readonly latest: number;
  readonly baseline: number | null;
  /** latest - baseline: negative is better. Null without a baseline. */
  readonly change: number | null;
  /** For screen readers, e.g. "6, 2 lower than baseline 8". */
  readonly description: string;
}

/** One worklist row, ready to display. */
export interface WorklistRow {
  readonly id: string;
  readonly name: string;
  readonly mrn: string;
  readonly age: number;
  readonly sexLabel: string;
  readonly status: PatientListItem['status'];
  readonly statusLabel: string;
  readonly priority: PatientListItem['priority'];
  readonly priorityLabel: string;
  readonly urgent: boolean;
  readonly referredOn: string | null;
  /** Days since the referral. */
  readonly daysSinceReferral: number | null;
  /** Still waiting for treatment (referred, triage or assessment): the days since referral are waiting time. */
  readonly waiting: boolean;
  readonly procedureName: string | null;
  readonly surgeryDate: string | null;
  readonly monthsSinceSurgery: number | null;
  /** Less than 3 months since the index surgery: not chronic yet by the ICD-11 definition (follow-up.ts). */
  readonly notChronicYet: boolean;
  readonly causes: readonly { readonly code: string; readonly status: CauseStatus }[];
  readonly back: NrsCell | null;
  readonly leg: NrsCell | null;
  readonly redFlag: boolean;
  readonly nextFollowUpDue: string | null;
  /** The window around the due date has closed (followUpState in follow-up.ts; the server's `overdue` filter agrees). */
  readonly followUpOverdue: boolean;
}

/** Age in completed years on `today`. */
export function ageOn(dateOfBirth: string, today: string): number {
  return Math.floor(completedMonthsBetween(dateOfBirth, today) / 12);
}

export function nrsCell(latest: number | null, baseline: number | null): NrsCell | null {
  if (latest == null) return null;
  const change = baseline == null ? null : latest - baseline;
  let description = String(latest);
  if (baseline != null && change != null) {
    description +=
      change === 0
        ? `, same as baseline ${String(baseline)}`
        : `, ${String(Math.abs(change))} ${change < 0 ? 'lower' : 'higher'} than baseline ${String(baseline)}`;
  }
  return { latest, baseline, change, description };
}

export function toWorklistRow(item: PatientListItem, today: string): WorklistRow {
  const surgeryDate = item.indexSurgeryDate;
  return {
    id: item.id,
    name: `${item.familyName}, ${item.givenName}`,
    mrn: item.mrn,
    age: ageOn(item.dateOfBirth, today),
    sexLabel: SEX_LABELS[item.sex],
    status: item.status,
    statusLabel: CASE_STATUS_LABELS[item.status],
    priority: item.priority,
    priorityLabel: REFERRAL_PRIORITY_LABELS[item.priority],
    urgent: item.priority !== 'routine',
    referredOn: item.referredOn,
    daysSinceReferral: item.referredOn ? Math.max(0, daysBetween(item.referredOn, today)) : null,
    waiting: WAITING_STATUSES.has(item.status),
    procedureName: item.indexProcedure ? (procedureByCode(item.indexProcedure)?.name ?? item.indexProcedure) : null,
    surgeryDate,
    monthsSinceSurgery: surgeryDate ? Math.max(0, completedMonthsBetween(surgeryDate, today)) : null,
    notChronicYet: surgeryDate != null && isUnderChronicPainThreshold(surgeryDate, today),
    causes: item.causes,
    back: nrsCell(item.latestBackNrs, item.baselineBackNrs),
    leg: nrsCell(item.latestLegNrs, item.baselineLegNrs),
    redFlag: item.openRedFlag,
    nextFollowUpDue: item.nextFollowUpDue,
    followUpOverdue: item.nextFollowUpDue != null && followUpState(item.nextFollowUpDue, today) === 'overdue',
  };
}

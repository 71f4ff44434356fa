import type { PatientListItem } from '@shared/contracts/patients';
import { CASE_STATUS_LABELS, REFERRAL_PRIORITY_LABELS, SEX_LABELS } from '@shared/domain/case-status';
import { CAUSE_STATUS_LABELS, causeByCode } from '@shared/domain/causes';
import { procedureByCode } from '@shared/domain/procedures';

/**
 * ICD-11 chronic postsurgical pain is pain that persists at least 3 months after surgery (IASP
 * classification for ICD-11, Schug et al., Pain 2019;160:45-52). Before that, persistent spinal pain
 * after surgery is not chronic yet, so PSPS-T2 cannot be diagnosed.
 */
export const CHRONIC_AFTER_MONTHS = 3;

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

export interface CauseChipView {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly statusLabel: string;
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
  /** Less than 3 months since the index surgery (not chronic yet by ICD-11). */
  readonly notChronicYet: boolean;
  readonly causes: readonly CauseChipView[];
  readonly back: NrsCell | null;
  readonly leg: NrsCell | null;
  readonly redFlag: boolean;
  readonly nextFollowUpDue: string | null;
  readonly followUpOverdue: boolean;
}

function parts(isoDate: string): [number, number, number] {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Whole days from `from` to `to` (calendar dates, YYYY-MM-DD); negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** Whole months from `from` to `to` (a month is complete on the same day of the month, or the month's last day). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  const lastDayOfToMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (td < fd && td < lastDayOfToMonth) months -= 1;
  return months;
}

/** Age in completed years on `today`. */
export function ageOn(dateOfBirth: string, today: string): number {
  return Math.floor(monthsBetween(dateOfBirth, today) / 12);
}

function nrsCell(latest: number | null, baseline: number | null): NrsCell | null {
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
  const months = item.indexSurgeryDate ? monthsBetween(item.indexSurgeryDate, today) : null;
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
    surgeryDate: item.indexSurgeryDate,
    monthsSinceSurgery: months,
    notChronicYet: months != null && months < CHRONIC_AFTER_MONTHS,
    causes: item.causes.map((cause) => ({
      code: cause.code,
      name: causeByCode(cause.code)?.name ?? cause.code,
      status: cause.status,
      statusLabel: CAUSE_STATUS_LABELS[cause.status],
    })),
    back: nrsCell(item.latestBackNrs, item.baselineBackNrs),
    leg: nrsCell(item.latestLegNrs, item.baselineLegNrs),
    redFlag: item.openRedFlag,
    nextFollowUpDue: item.nextFollowUpDue,
    followUpOverdue: item.nextFollowUpDue != null && item.nextFollowUpDue < today,
  };
}

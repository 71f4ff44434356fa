import { formatDate } from '@angular/common';
import type { Clinician } from '@shared/contracts/patients';
import type { PlanGoal, PlanItem, TreatmentPlan } from '@shared/contracts/plans';
import { causeByCode } from '@shared/domain/causes';
import { FOLLOW_UP_STATE_LABELS, type FollowUpState, followUpState } from '@shared/domain/follow-up';
import {
  PLAN_ITEM_STATUS_LABELS,
  type PlanItemStatus,
  type TreatmentCode,
  type TreatmentDefinition,
  canTransitionPlanItem,
  treatmentByCode,
  treatmentsByCategory,
} from '@shared/domain/treatments';

// ---- Formatting (en-GB clinical dates, as everywhere in the app: "1 May 2025") ----

/** A calendar date (YYYY-MM-DD) or an instant as "1 May 2025"; null as an em dash. */
export function formatDay(value: string | null | undefined): string {
  return value ? formatDate(value, 'd MMM y', 'en-US') : '—';
}

/** An instant as "1 May 2025, 14:05". */
export function formatDayTime(value: string): string {
  return formatDate(value, 'd MMM y, HH:mm', 'en-US');
}

export function treatmentName(code: string): string {
  return treatmentByCode(code)?.name ?? code;
}

export function monthLabel(months: number): string {
  return months === 1 ? '1 month' : `${String(months)} months`;
}

/** "1, 3, 6, 12 and 24 months" (the catalogue's follow-up schedule of a treatment). */
export function scheduleText(months: readonly number[]): string {
  if (months.length === 0) return 'no follow-ups';
  const last = months.at(-1) ?? 0;
  return months.length === 1 ? monthLabel(last) : `${months.slice(0, -1).join(', ')} and ${String(last)} months`;
}

export function causeName(code: string): string {
  return causeByCode(code)?.shortName ?? code;
}

// ---- Goals ----

export type GoalMeasure = PlanGoal['measure'];

/** What a goal measures; the target's meaning follows the contract (NRS: the score to reach; ODI: the points to lose). */
export const GOAL_MEASURES: readonly { value: GoalMeasure; label: string; targetLabel: string | null; targetMax: number }[] = [
  { value: 'leg-nrs', label: 'Leg pain (NRS)', targetLabel: 'Leg NRS at most', targetMax: 10 },
  { value: 'back-nrs', label: 'Back pain (NRS)', targetLabel: 'Back NRS at most', targetMax: 10 },
  { value: 'odi', label: 'Disability (ODI)', targetLabel: 'ODI lower by (points)', targetMax: 100 },
  { value: 'other', label: 'Other', targetLabel: null, targetMax: 100 },
];

export function goalMeasure(measure: GoalMeasure): (typeof GOAL_MEASURES)[number] {
  return GOAL_MEASURES.find((m) => m.value === measure) ?? GOAL_MEASURES[3];
}

/** The measurable part of a goal, e.g. "Leg NRS ≤ 4" or "ODI down by 10 points"; null when it has none. */
export function goalTarget(goal: PlanGoal): string | null {
  if (goal.target === null) return null;
  switch (goal.measure) {
    case 'leg-nrs':
      return `Leg NRS ≤ ${String(goal.target)}`;
    case 'back-nrs':
      return `Back NRS ≤ ${String(goal.target)}`;
    case 'odi':
      return `ODI down by ${String(goal.target)} points`;
    case 'other':
      return null;
  }
}

// ---- Items: status actions (from the shared transitions) ----

export type ItemAction = 'start' | 'complete' | 'stop' | 'cancel';

/** The status each action moves an item to. */
export const ITEM_ACTION_TARGETS: Readonly<Record<ItemAction, PlanItemStatus>> = {
  start: 'active',
  complete: 'completed',
  stop: 'stopped',
  cancel: 'cancelled',
};

export const ITEM_ACTION_LABELS: Readonly<Record<ItemAction, string>> = {
  start: 'Start',
  complete: 'Complete',
  stop: 'Stop',
  cancel: 'Cancel',
};

const ACTION_ORDER: readonly ItemAction[] = ['start', 'complete', 'stop', 'cancel'];

/** The status actions the shared plan-item transitions allow from `status` (none for final statuses). */
export function itemActions(status: PlanItemStatus): ItemAction[] {
  return ACTION_ORDER.filter((action) => canTransitionPlanItem(status, ITEM_ACTION_TARGETS[action]));
}

/** Items by status, in working order (active, planned, then the finished ones); empty groups left out. */
const GROUP_ORDER: readonly PlanItemStatus[] = ['active', 'planned', 'completed', 'stopped', 'cancelled'];

export interface ItemGroup {
  readonly status: PlanItemStatus;
  readonly label: string;
  readonly items: readonly PlanItem[];
}

export function groupItems(items: readonly PlanItem[]): ItemGroup[] {
  return GROUP_ORDER.map((status) => ({
    status,
    label: PLAN_ITEM_STATUS_LABELS[status],
    items: items.filter((i) => i.status === status),
  })).filter((group) => group.items.length > 0);
}

// ---- The spinal cord stimulation pathway (fbss-domain.md §5) ----

export function isScsTrial(code: string): boolean {
  return treatmentByCode(code)?.isScsTrial === true;
}

/**
 * The permanent implants that follow a successful SCS trial (NICE TA159): the catalogue's spinal cord
 * stimulator implants (conventional and 10 kHz). DRG stimulation also "follows a trial", but its own.
 */
export const SCS_IMPLANT_CODES: readonly TreatmentCode[] = ['SCS-IMPLANT', 'SCS-10KHZ'];

/** A result can be recorded once the trial has run (active, completed or stopped early). */
export function canRecordTrialResult(item: PlanItem): boolean {
  return isScsTrial(item.treatmentCode) && (item.status === 'active' || item.status === 'completed' || item.status === 'stopped');
}

/** An implant is planned or done in this plan (a cancelled one does not count). */
export function hasImplant(plan: TreatmentPlan): boolean {
  return plan.items.some((i) => SCS_IMPLANT_CODES.includes(i.treatmentCode) && i.status !== 'cancelled');
}

/** A successful trial (the server's decision by the shared rule) in the active plan, and no implant yet. */
export function offersImplant(item: PlanItem, plan: TreatmentPlan): boolean {
  return plan.status === 'active' && isScsTrial(item.treatmentCode) && item.trialDecision === 'success' && !hasImplant(plan);
}

/** The catalogue by category, for the treatment picker; `only` narrows it (e.g. to the implants). */
export function treatmentGroups(only: readonly string[] | null = null): { label: string; treatments: TreatmentDefinition[] }[] {
  return treatmentsByCategory()
    .map((group) => ({ label: group.label, treatments: only ? group.treatments.filter((t) => only.includes(t.code)) : group.treatments }))
    .filter((group) => group.treatments.length > 0);
}

// ---- Follow-up schedule ----

export type FollowUpTone = FollowUpState | 'completed' | 'cancelled';

export interface FollowUpChip {
  readonly id: string;
  readonly month: string;
  readonly dueOn: string;
  readonly tone: FollowUpTone;
  readonly statusLabel: string;
}

/** The item's follow-ups: completed and cancelled as such; outstanding ones upcoming, due or overdue today. */
export function followUpChips(item: PlanItem, today: string): FollowUpChip[] {
  return item.followUps.map((f) => {
    const tone: FollowUpTone = f.status === 'due' ? followUpState(f.dueOn, today) : f.status;
    const statusLabel = tone === 'completed' ? 'Completed' : tone === 'cancelled' ? 'Cancelled' : FOLLOW_UP_STATE_LABELS[tone];
    return { id: f.id, month: monthLabel(f.monthOffset), dueOn: formatDay(f.dueOn), tone, statusLabel };
  });
}

// ---- History: who changed what ----

const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'Status',
  treatmentCode: 'Treatment',
  plannedOn: 'Planned for',
  startedOn: 'Started',
  endedOn: 'Ended',
  responsibleClinicianId: 'Responsible clinician',
  addressesCauses: 'Addresses',
  stopReason: 'Reason for stopping',
  outcomeNote: 'Outcome note',
  trialReliefPct: 'Trial relief',
  trialDecision: 'Trial result',
};

export interface HistoryChange {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface HistoryEntry {
  readonly at: string;
  readonly by: string;
  /** "Added to the plan" for the first event, otherwise null. */
  readonly summary: string | null;
  readonly changes: readonly HistoryChange[];
}

/** A recorded value as text (values in the history are JSON: strings, numbers, arrays, null). */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function historyValue(field: string, value: unknown, clinicians: readonly Clinician[]): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'status':
      return typeof value === 'string' && value in PLAN_ITEM_STATUS_LABELS
        ? PLAN_ITEM_STATUS_LABELS[value as PlanItemStatus]
        : plain(value);
    case 'treatmentCode':
      return treatmentName(plain(value));
    case 'plannedOn':
    case 'startedOn':
    case 'endedOn':
      return typeof value === 'string' ? formatDay(value) : '—';
    case 'responsibleClinicianId':
      return clinicians.find((c) => c.id === value)?.displayName ?? 'another clinician';
    case 'addressesCauses':
      return Array.isArray(value) && value.length ? value.map((code) => causeName(plain(code))).join(', ') : 'none';
    case 'trialReliefPct':
      return `${plain(value)}%`;
    case 'trialDecision':
      return value === 'success' ? 'Success' : value === 'failure' ? 'Not successful' : plain(value);
    default:
      return plain(value);
  }
}

/** The item's audit trail, newest first: when, who, and each field's old and new value in words. */
export function historyEntries(item: PlanItem, clinicians: readonly Clinician[] = []): HistoryEntry[] {
  return item.history
    .map((event) => {
      const created = 'treatmentCode' in event.change && event.change['treatmentCode'].from == null;
      const changes = Object.entries(event.change)
        .filter(([field]) => !(created && (field === 'treatmentCode' || field === 'status')))
        .map(([field, { from, to }]) => ({
          label: FIELD_LABELS[field] ?? field,
          from: historyValue(field, from, clinicians),
          to: historyValue(field, to, clinicians),
        }));
      return { at: event.changedAt, by: event.changedBy ?? 'Unknown user', summary: created ? 'Added to the plan' : null, changes };
    })
    .reverse();
}

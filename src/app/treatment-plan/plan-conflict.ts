import type { PlanItem, TreatmentPlan } from '@shared/contracts/plans';
import { TreatmentPlan as TreatmentPlanSchema } from '@shared/contracts/plans';
import { PLAN_ITEM_STATUS_LABELS } from '@shared/domain/treatments';
import type { Conflict, FieldChange } from './plan-save';
import { causeName, formatDay, goalTarget } from './plan-view';

const NONE = '(none)';

function change(label: string, before: string | null, after: string | null): FieldChange | null {
  return (before ?? '') === (after ?? '') ? null : { label, before: before || NONE, after: after || NONE };
}

function present(changes: (FieldChange | null)[]): FieldChange[] {
  return changes.filter((c): c is FieldChange => c !== null);
}

const day = (value: string | null): string | null => (value ? formatDay(value) : null);

/** What changed on a plan item between the version the user started from and the one saved now. */
export function itemConflict(base: PlanItem | undefined, current: PlanItem): Conflict {
  const last = current.history.at(-1);
  const changes = base
    ? present([
        change('Status', PLAN_ITEM_STATUS_LABELS[base.status], PLAN_ITEM_STATUS_LABELS[current.status]),
        change('Planned for', day(base.plannedOn), day(current.plannedOn)),
        change('Started', day(base.startedOn), day(current.startedOn)),
        change('Ended', day(base.endedOn), day(current.endedOn)),
        change('Responsible clinician', base.responsibleClinicianName, current.responsibleClinicianName),
        change('Addresses', base.addressesCauses.map(causeName).join(', '), current.addressesCauses.map(causeName).join(', ')),
        change('Reason for stopping', base.stopReason, current.stopReason),
        change('Outcome note', base.outcomeNote, current.outcomeNote),
        change(
          'Trial relief',
          base.trialReliefPct === null ? null : `${String(base.trialReliefPct)}%`,
          current.trialReliefPct === null ? null : `${String(current.trialReliefPct)}%`,
        ),
      ])
    : [];
  return { changedBy: last?.changedBy ?? null, changedAt: last?.changedAt ?? null, changes };
}

function goalsText(plan: TreatmentPlan): string {
  return plan.goals.map((g) => [g.text, goalTarget(g)].filter(Boolean).join(': ')).join('; ');
}

/** What changed on a plan (goals, status, its items) since the user loaded it. The plan records no editor. */
export function planConflict(base: TreatmentPlan | undefined, current: TreatmentPlan): Conflict {
  const changes = base
    ? present([
        change('Goals', goalsText(base), goalsText(current)),
        change('Plan status', base.status, current.status),
        change('Treatments', String(base.items.length), String(current.items.length)),
      ])
    : [];
  return { changedBy: null, changedAt: null, changes };
}

/** The plan in a 409 answer (`current`), when it is one. */
export function currentPlanOf(current: unknown): TreatmentPlan | null {
  const parsed = TreatmentPlanSchema.safeParse(current);
  return parsed.success ? parsed.data : null;
}

import type { Assessment } from '@shared/contracts/assessments';
import type { PlanItem, TreatmentPlan } from '@shared/contracts/plans';
import { treatmentByCode } from '@shared/domain/treatments';
import { localIsoDate } from '../../core/clock';
import { type ZoneId, zonesOfLocation } from '../../shared/ui/body-diagram/body-zones';
import type { BaselineValue, PainBaseline, PainChartPoint, TreatmentAnnotation } from '../../shared/ui/pain-chart/pain-chart-model';

/** The chart's points: valid assessments only (entries marked entered-in-error are never charted). */
export function toChartPoints(assessments: readonly Assessment[]): PainChartPoint[] {
  return assessments
    .filter((a) => !a.enteredInError)
    .map((a) => ({
      id: a.id,
      at: a.recordedAt,
      back: a.backNrs,
      leg: a.legNrs,
      unspecified: a.unspecifiedNrs,
      odi: a.odiScore,
      recordedBy: a.recordedBy,
    }));
}

function treatmentName(code: string): string {
  return treatmentByCode(code)?.name ?? code;
}

/** Plan items that started (cancelled ones never did), oldest first. */
function startedItems(plans: readonly TreatmentPlan[]): (PlanItem & { startedOn: string })[] {
  return plans
    .flatMap((plan) => plan.items)
    .filter((item): item is PlanItem & { startedOn: string } => item.startedOn !== null && item.status !== 'cancelled')
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
}

/** Treatments for the chart: courses from start to end (open while running), procedures on their day. */
export function treatmentAnnotations(plans: readonly TreatmentPlan[]): TreatmentAnnotation[] {
  return startedItems(plans).map((item) => ({
    label: treatmentName(item.treatmentCode),
    start: item.startedOn,
    end: item.endedOn,
    kind: treatmentByCode(item.treatmentCode)?.kind ?? 'course',
  }));
}

/** The current treatment: the most recently started plan item that was not cancelled. */
export function currentPlanItem(plans: readonly TreatmentPlan[]): (PlanItem & { startedOn: string }) | null {
  return startedItems(plans).at(-1) ?? null;
}

/**
 * The responder baseline (fbss-domain.md §4: "compute against the pre-treatment baseline"): for back and
 * leg pain separately, the last valid score taken on or before the day the current treatment started
 * (the same rule as the server's plan outcomes). Null without a started treatment.
 */
export function baselineFor(assessments: readonly Assessment[], plans: readonly TreatmentPlan[]): PainBaseline | null {
  const item = currentPlanItem(plans);
  if (!item) return null;
  const before = assessments
    .filter((a) => !a.enteredInError && localIsoDate(Date.parse(a.recordedAt)) <= item.startedOn)
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const last = (pick: (a: Assessment) => number | null): BaselineValue | null => {
    let found: BaselineValue | null = null;
    for (const a of before) {
      const value = pick(a);
      if (value !== null) found = { value, at: a.recordedAt };
    }
    return found;
  };
  return { treatment: treatmentName(item.treatmentCode), start: item.startedOn, back: last((a) => a.backNrs), leg: last((a) => a.legNrs) };
}

/** The newest valid assessment that recorded symptoms (the case page shows their locations). */
export function latestWithSymptoms(assessments: readonly Assessment[]): Assessment | null {
  return (
    assessments
      .filter((a) => !a.enteredInError && a.symptoms.length > 0)
      .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt))
      .at(-1) ?? null
  );
}

/** Every location of an assessment's symptoms, as body-diagram zones (each once). */
export function locationsOf(assessment: Assessment | null): ZoneId[] {
  if (!assessment) return [];
  return [...new Set(assessment.symptoms.flatMap((symptom) => zonesOfLocation(symptom)))];
}

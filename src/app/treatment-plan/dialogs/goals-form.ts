import { type AbstractControl, FormArray, FormControl, FormGroup, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { PlanGoal } from '@shared/contracts/plans';
import { NRS_MAX } from '@shared/domain/pain';
import { zodValidator } from '../../shared/forms/zod-validator';
import { REQUIRED } from '../plan-save';
import { type GoalMeasure, goalMeasure } from '../plan-view';

/** At most 10 goals per plan (CreatePlanBody / UpdatePlanBody: `goals.max(10)`). */
export const MAX_GOALS = 10;

export type GoalForm = FormGroup<{
  text: FormControl<string>;
  measure: FormControl<GoalMeasure>;
  target: FormControl<number | null>;
}>;

/**
 * The target follows the contract (0-100, or none), and for an NRS goal the scale (0-10): "leg NRS <= 12" is
 * not a goal anyone can reach.
 */
const targetValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const group = control.parent as GoalForm | null;
  const measure = group?.controls.measure.value ?? 'other';
  const value = control.value as number | null;
  if (measure !== 'other' && value === null) return { zod: measure === 'odi' ? 'Give the reduction in points' : 'Give the target score' };
  const contract = zodValidator(PlanGoal.shape.target)(control);
  if (contract) return contract;
  if (value !== null && !Number.isInteger(value * 2)) return { zod: 'Use whole or half points' };
  if (value !== null && value > goalMeasure(measure).targetMax) {
    return { zod: measure === 'odi' ? 'The ODI runs from 0 to 100' : `The NRS runs from 0 to ${String(NRS_MAX)}` };
  }
  return null;
};

export function goalForm(goal: PlanGoal | null = null): GoalForm {
  const form: GoalForm = new FormGroup({
    text: new FormControl(goal?.text ?? '', { nonNullable: true, validators: [REQUIRED, zodValidator(PlanGoal.shape.text)] }),
    measure: new FormControl<GoalMeasure>(goal?.measure ?? 'leg-nrs', { nonNullable: true }),
    target: new FormControl<number | null>(goal?.target ?? null, targetValidator),
  });
  // The target's rule depends on the measure.
  form.controls.measure.valueChanges.subscribe((measure) => {
    if (measure === 'other') form.controls.target.setValue(null);
    form.controls.target.updateValueAndValidity();
  });
  return form;
}

export function goalsForm(goals: readonly PlanGoal[]): FormGroup<{ goals: FormArray<GoalForm> }> {
  return new FormGroup({ goals: new FormArray(goals.map((g) => goalForm(g))) });
}

/** The goals as the API takes them (trimmed; no target for "other"). */
export function goalsValue(goals: FormArray<GoalForm>): PlanGoal[] {
  return goals.controls.map((g) => {
    const { text, measure, target } = g.getRawValue();
    return { text: text.trim(), measure, target: measure === 'other' ? null : target };
  });
}

import type { Patient, Surgery } from '@shared/contracts/patients';
import { completedMonthsBetween, isUnderChronicPainThreshold } from '@shared/domain/follow-up';
import { SPINAL_LEVEL_LABELS, type SpinalLevel, procedureByCode, sortLevels } from '@shared/domain/procedures';

/** The index surgery (the one after which the pain persisted): the marked one, else the latest. */
export function indexSurgery(patient: Pick<Patient, 'surgeries'>): Surgery | null {
  return patient.surgeries.find((s) => s.isIndex) ?? patient.surgeries.at(-1) ?? null;
}

export interface SinceSurgery {
  readonly months: number;
  /** Under 3 months: not chronic yet by the ICD-11 definition (follow-up.ts). */
  readonly notChronicYet: boolean;
}

export function sinceSurgery(surgery: Surgery | null, today: string): SinceSurgery | null {
  if (!surgery) return null;
  return {
    months: Math.max(0, completedMonthsBetween(surgery.performedOn, today)),
    notChronicYet: isUnderChronicPainThreshold(surgery.performedOn, today),
  };
}

export function procedureName(code: string): string {
  return procedureByCode(code)?.name ?? code;
}

/** "L4/L5, L5/S1", cranial to caudal. */
export function levelsLabel(levels: readonly SpinalLevel[]): string {
  return sortLevels(levels)
    .map((level) => SPINAL_LEVEL_LABELS[level])
    .join(', ');
}

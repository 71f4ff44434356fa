/**
 * Index-surgery procedures (the operation after which PSPS-T2 / FBSS developed) and spinal levels.
 *
 * CPT codes (system http://www.ama-assn.org/go/cpt): 63030 laminotomy/discectomy [src] and 63047
 * laminectomy [src]; 22612 posterior lumbar fusion (unverified). Others are left null rather than
 * guessed (fbss-domain.md §5). Codes only; AMA descriptors are licensed (fbss-domain.md §10).
 */
import { codesOf, indexByCode } from './catalogue';

export interface ProcedureDefinition {
  readonly code: string;
  readonly name: string;
  readonly cpt: string | null;
  /**
   * Implants hardware (screws, rods, cages, prosthesis): makes hardware causes (OP-HW, POST-HWF)
   * applicable.
   */
  readonly instrumented: boolean;
  /** Aims at fusion: makes pseudarthrosis (POST-PSA) and adjacent segment disease (POST-ASD) applicable. */
  readonly fusion: boolean;
}

export const INDEX_PROCEDURES = [
  { code: 'DISCECTOMY', name: 'Laminotomy / discectomy', cpt: '63030', instrumented: false, fusion: false }, // 63030 [src]
  // Microdiscectomy is billed as a laminotomy/discectomy (unverified).
  { code: 'MICRODISCECTOMY', name: 'Microdiscectomy', cpt: '63030', instrumented: false, fusion: false },
  { code: 'LAMINECTOMY', name: 'Laminectomy / decompression', cpt: '63047', instrumented: false, fusion: false }, // 63047 [src]
  // 22612 (22614 each additional level) (unverified).
  { code: 'PLF', name: 'Posterior lumbar fusion', cpt: '22612', instrumented: true, fusion: true },
  { code: 'TLIF', name: 'Transforaminal lumbar interbody fusion (TLIF)', cpt: null, instrumented: true, fusion: true },
  { code: 'PLIF', name: 'Posterior lumbar interbody fusion (PLIF)', cpt: null, instrumented: true, fusion: true },
  { code: 'ALIF', name: 'Anterior lumbar interbody fusion (ALIF)', cpt: null, instrumented: true, fusion: true },
  { code: 'LLIF', name: 'Lateral lumbar interbody fusion (LLIF / XLIF)', cpt: null, instrumented: true, fusion: true },
  { code: 'DISC-REPLACEMENT', name: 'Lumbar total disc replacement', cpt: null, instrumented: true, fusion: false },
  { code: 'REVISION-DECOMPRESSION', name: 'Revision decompression', cpt: null, instrumented: false, fusion: false },
  { code: 'REVISION-FUSION', name: 'Revision fusion', cpt: null, instrumented: true, fusion: true },
  { code: 'OTHER', name: 'Other spinal surgery', cpt: null, instrumented: false, fusion: false },
] as const satisfies readonly ProcedureDefinition[];

export const PROCEDURE_CODES = codesOf(INDEX_PROCEDURES);
export type ProcedureCode = (typeof INDEX_PROCEDURES)[number]['code'];

const PROCEDURE_INDEX = indexByCode<ProcedureDefinition>(INDEX_PROCEDURES);

export function isProcedureCode(value: unknown): value is ProcedureCode {
  return typeof value === 'string' && PROCEDURE_INDEX.has(value);
}

export function procedureByCode(code: string): ProcedureDefinition | undefined {
  return PROCEDURE_INDEX.get(code);
}

// ---- Spinal levels ----

/** Lumbar motion segments, cranial to caudal. */
export const SPINAL_LEVELS = ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'] as const;
export type SpinalLevel = (typeof SPINAL_LEVELS)[number];

export const SPINAL_LEVEL_LABELS: Readonly<Record<SpinalLevel, string>> = {
  'L1-L2': 'L1/L2',
  'L2-L3': 'L2/L3',
  'L3-L4': 'L3/L4',
  'L4-L5': 'L4/L5',
  'L5-S1': 'L5/S1',
};

/**
 * SNOMED CT disc structures for Procedure.bodySite (system http://snomed.info/sct), from DICOM CID 7604
 * [src]. The brief gives no codes for L1/L2 and L2/L3, so those are null.
 */
export const DISC_LEVEL_SNOMED: Readonly<Record<SpinalLevel, string | null>> = {
  'L1-L2': null,
  'L2-L3': null,
  'L3-L4': '62551000',
  'L4-L5': '84020006',
  'L5-S1': '715056000',
};

export function discLevelSnomed(level: SpinalLevel): string | null {
  return DISC_LEVEL_SNOMED[level];
}

/** Sorts levels cranial to caudal and removes duplicates (for display, e.g. "L4/L5, L5/S1"). */
export function sortLevels(levels: readonly SpinalLevel[]): SpinalLevel[] {
  return SPINAL_LEVELS.filter((l) => levels.includes(l));
}

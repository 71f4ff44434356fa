/**
 * NRS pain scores and responder rules (fbss-domain.md §0.3, §0.6 and §4).
 *
 * - NRS 0 (no pain) to 10 (worst imaginable), back and leg recorded separately; LOINC 72514-3 with
 *   Observation.bodySite (back 37822005, lower limb 61685007) [src].
 * - %change = (baseline - follow-up) / baseline x 100; undefined when baseline is 0 [src].
 * - IMMPACT (Dworkin 2008): 10-20% minimal, >= 30% moderate, >= 50% substantial [src].
 * - Minimal important change: NRS 2 points or 30%; ODI 10 points or 30% (Ostelo 2008) [src].
 *
 * Sign convention: a positive change is an improvement (pain or disability went down).
 * Comparisons with thresholds use a small tolerance, so 10 -> 7 counts as the 30% it is, even where a
 * floating-point computation would give 29.999999999999996.
 */
import { ODI_MIC_POINTS } from './odi';

export const NRS_MIN = 0;
export const NRS_MAX = 10;

/** LOINC "Pain severity - 0-10 verbal numeric rating [Score] - Reported" [src]. */
export const NRS_LOINC = '72514-3';

export const PAIN_SITES = ['back', 'leg', 'unspecified'] as const;
export type PainSite = (typeof PAIN_SITES)[number];

export const PAIN_SITE_LABELS: Readonly<Record<PainSite, string>> = {
  back: 'Back pain',
  leg: 'Leg pain',
  unspecified: 'Pain (site not specified)',
};

/** SNOMED CT body site for each pain site (Observation.bodySite) [src]; none for 'unspecified'. */
export const PAIN_SITE_SNOMED: Readonly<Record<PainSite, string | null>> = {
  back: '37822005', // Lower back structure
  leg: '61685007', // Lower limb structure
  unspecified: null,
};

/**
 * Severity bands for worklist filters: 0-3 mild, 4-6 moderate, 7-10 severe (common NRS cut-points;
 * not from the brief, which only defines the filter values `0-3|4-6|7-10` in architecture.md).
 */
export const PAIN_BANDS = ['0-3', '4-6', '7-10'] as const;
export type PainBand = (typeof PAIN_BANDS)[number];

export const PAIN_BAND_LABELS: Readonly<Record<PainBand, string>> = {
  '0-3': 'Mild (0-3)',
  '4-6': 'Moderate (4-6)',
  '7-10': 'Severe (7-10)',
};

/** Inclusive bounds of each band for integer scores, for database range filters. */
export const PAIN_BAND_RANGES: Readonly<Record<PainBand, { readonly min: number; readonly max: number }>> = {
  '0-3': { min: 0, max: 3 },
  '4-6': { min: 4, max: 6 },
  '7-10': { min: 7, max: 10 },
};

export function isNrsScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= NRS_MIN && value <= NRS_MAX;
}

function assertNrs(value: number, what: string): void {
  if (!isNrsScore(value))
    throw new RangeError(`${what} must be a number from ${NRS_MIN} to ${NRS_MAX}; got ${String(value)}`);
}

/**
 * Band of an NRS score. Scores are normally integers; decimals (e.g. averages) are banded by value:
 * below 4 -> '0-3', below 7 -> '4-6', otherwise '7-10'. So 3.5 -> '0-3' and 6.5 -> '4-6' (a decimal
 * belongs to the band of the integer below it). Throws RangeError outside 0-10.
 */
export function painBand(value: number): PainBand {
  assertNrs(value, 'Pain score');
  if (value < 4) return '0-3';
  if (value < 7) return '4-6';
  return '7-10';
}

// ---- Change and responder rules ----

/** Tolerance for threshold comparisons (percent points or score points); the dashboard's SQL uses it too. */
export const THRESHOLD_EPSILON = 1e-9;

/** value >= threshold, tolerant of floating-point error. */
export function meetsThreshold(value: number, threshold: number): boolean {
  return value >= threshold - THRESHOLD_EPSILON;
}

/** baseline - follow-up (positive = improvement); null if either is missing. */
export function absoluteChange(baseline: number | null, followUp: number | null): number | null {
  if (baseline == null || followUp == null) return null;
  return baseline - followUp;
}

/**
 * Percentage improvement from baseline, (baseline - follow-up) / baseline x 100 (fbss-domain.md §4).
 * Null when either value is missing or the baseline is 0 ("a baseline of 0 is not evaluable for
 * percentage rules"). Negative when the score got worse. Not rounded; round for display only.
 */
export function percentChange(baseline: number | null, followUp: number | null): number | null {
  if (baseline == null || followUp == null || baseline === 0) return null;
  // Multiply before dividing: exact for integer scores (300 / 10 = 30, not 0.3 * 100).
  return ((baseline - followUp) * 100) / baseline;
}

/** IMMPACT (Dworkin 2008) [src]. */
export const PAIN30_PCT = 30;
export const PAIN50_PCT = 50;
/** Lower bound of IMMPACT "minimal" improvement (10-20%) [src]. */
export const PAIN_MINIMAL_PCT = 10;
/** Minimal important change on the NRS (Ostelo 2008) [src]. */
export const NRS_MIC_POINTS = 2;

export const PAIN_RESPONSE_CATEGORIES = ['substantial', 'moderate', 'minimal', 'none', 'not-evaluable'] as const;
export type PainResponseCategory = (typeof PAIN_RESPONSE_CATEGORIES)[number];

export const PAIN_RESPONSE_LABELS: Readonly<Record<PainResponseCategory, string>> = {
  substantial: 'Substantial (50% or more)',
  moderate: 'Moderate (30-49%)',
  minimal: 'Minimal (10-29%)',
  none: 'No improvement (under 10%)',
  'not-evaluable': 'Not evaluable',
};

export interface PainResponse {
  /** False when a score is missing or the baseline is 0 (percentage rules need a non-zero baseline). */
  readonly evaluable: boolean;
  readonly change: number | null;
  readonly percent: number | null;
  /** >= 30% improvement (IMMPACT moderate). */
  readonly pain30: boolean | null;
  /** >= 50% improvement (IMMPACT substantial). */
  readonly pain50: boolean | null;
  /** >= 2 NRS points improvement (Ostelo 2008). */
  readonly mic2pt: boolean | null;
  readonly category: PainResponseCategory;
}

/**
 * Responder flags for one pain site against the pre-treatment baseline (fbss-domain.md §4: "Compute
 * against the pre-treatment baseline for each plan episode").
 *
 * Category (IMMPACT, Dworkin 2008): >= 50% substantial, >= 30% moderate, >= 10% minimal, otherwise
 * none. IMMPACT names 10-20% minimal and says nothing of 20-30%; we count 20-29.9% as minimal (it is
 * at least minimally important and not yet moderate).
 *
 * A missing score makes everything null. A baseline of 0 makes the percentage rules null, but the
 * 2-point rule is still evaluable (and false: a score cannot fall below 0).
 * Throws RangeError for scores outside 0-10.
 */
export function painResponder(baseline: number | null, followUp: number | null): PainResponse {
  if (baseline != null) assertNrs(baseline, 'Baseline pain score');
  if (followUp != null) assertNrs(followUp, 'Follow-up pain score');
  const change = absoluteChange(baseline, followUp);
  const percent = percentChange(baseline, followUp);
  const mic2pt = change == null ? null : meetsThreshold(change, NRS_MIC_POINTS);
  if (percent == null) {
    return { evaluable: false, change, percent: null, pain30: null, pain50: null, mic2pt, category: 'not-evaluable' };
  }
  const pain30 = meetsThreshold(percent, PAIN30_PCT);
  const pain50 = meetsThreshold(percent, PAIN50_PCT);
  const category: PainResponseCategory = pain50
    ? 'substantial'
    : pain30
      ? 'moderate'
      : meetsThreshold(percent, PAIN_MINIMAL_PCT)
        ? 'minimal'
        : 'none';
  return { evaluable: true, change, percent, pain30, pain50, mic2pt, category };
}

// ---- ODI responder rules ----

/**
 * ODI minimal important change as a percentage of baseline: 30% (Ostelo 2008) [src].
 * The 10-point rule is ODI_MIC_POINTS in ./odi.
 */
export const ODI_MIC_PCT = 30;
/** NORspine success criterion after disc-herniation surgery: >= 22-point ODI improvement [src]. */
export const NORSPINE_ODI_SUCCESS_POINTS = 22;

export interface OdiResponse {
  readonly evaluable: boolean;
  readonly change: number | null;
  readonly percent: number | null;
  /** >= 10 points improvement (Ostelo 2008). */
  readonly odi10pt: boolean | null;
  /** >= 30% improvement (Ostelo 2008). */
  readonly odi30pct: boolean | null;
}

/**
 * ODI responder flags (fbss-domain.md §4: MIC 10 points or 30%, Ostelo 2008). Missing scores make
 * everything null; a baseline of 0 makes the 30% rule null but the 10-point rule evaluable.
 * Throws RangeError for scores outside 0-100.
 */
export function odiResponder(baseline: number | null, followUp: number | null): OdiResponse {
  for (const [v, what] of [
    [baseline, 'Baseline ODI'],
    [followUp, 'Follow-up ODI'],
  ] as const) {
    if (v != null && !(Number.isFinite(v) && v >= 0 && v <= 100)) {
      throw new RangeError(`${what} must be a number from 0 to 100; got ${String(v)}`);
    }
  }
  const change = absoluteChange(baseline, followUp);
  const percent = percentChange(baseline, followUp);
  return {
    evaluable: change != null,
    change,
    percent,
    odi10pt: change == null ? null : meetsThreshold(change, ODI_MIC_POINTS),
    odi30pct: percent == null ? null : meetsThreshold(percent, ODI_MIC_PCT),
  };
}

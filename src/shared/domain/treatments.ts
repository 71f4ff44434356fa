/**
 * Treatment catalogue and plan-item lifecycle (fbss-domain.md §5).
 *
 * CPT codes (system http://www.ama-assn.org/go/cpt) are codes only, never the AMA descriptor text
 * (licensing, fbss-domain.md §10). A code marked (unverified) in the brief is commented as such.
 */
import { codesOf, indexByCode, labelsOf } from './catalogue';

export const TREATMENT_CATEGORIES = [
  { code: 'conservative', label: 'Conservative' },
  { code: 'interventional', label: 'Interventional' },
  { code: 'neuromodulation', label: 'Neuromodulation' },
  { code: 'surgical', label: 'Surgical' },
] as const;
export const TREATMENT_CATEGORY_CODES = codesOf(TREATMENT_CATEGORIES);
export type TreatmentCategory = (typeof TREATMENT_CATEGORIES)[number]['code'];
export const TREATMENT_CATEGORY_LABELS = labelsOf(TREATMENT_CATEGORIES);

/** 'procedure': a point-in-time event (a marker on charts); 'course': a period with a start and an end. */
export type TreatmentKind = 'course' | 'procedure';

/**
 * Follow-up months after the start of a treatment. The brief recommends "baseline, 1, 3, 6, 12, 24
 * months after each major intervention, then yearly" (fbss-domain.md §5, recommended app schedule);
 * PROCESS followed to 24 months (Kumar 2007/2008) [src]. We use 1-3-6-12 by default and add 24 months
 * for neuromodulation, where long-term device outcomes matter (SENZA 24 months, Kapural 2016) [src].
 * The baseline is the pre-treatment assessment, not a scheduled follow-up.
 */
export const DEFAULT_FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;
export const NEUROMODULATION_FOLLOW_UP_MONTHS = [1, 3, 6, 12, 24] as const;

export interface TreatmentDefinition {
  readonly code: string;
  readonly name: string;
  readonly category: TreatmentCategory;
  /** Primary CPT code, or null when the brief gives none. */
  readonly cpt: string | null;
  /** Further CPT codes used for the same treatment (add-on levels, other variants). */
  readonly relatedCpt: readonly string[];
  readonly kind: TreatmentKind;
  readonly followUpMonths: readonly number[];
  /** Short evidence note from the brief, for the plan editor. */
  readonly evidence: string | null;
  /** The trial phase of spinal cord stimulation; success is judged by isScsTrialSuccess(). */
  readonly isScsTrial?: boolean;
  /** A permanent implant normally placed only after a successful trial (NICE TA159 for SCS) [src]. */
  readonly implantFollowsTrial?: boolean;
}

const CONSERVATIVE_EVIDENCE = 'Low-quality evidence in PSPS-T2.'; // fbss-domain.md §5 [src]
const MEDICATION_EVIDENCE = '"Very limited" evidence in PSPS-T2.'; // fbss-domain.md §5 [src]

export const TREATMENTS = [
  // ---- Conservative (fbss-domain.md §5) ----
  {
    code: 'PHYSIO',
    name: 'Physiotherapy / exercise rehabilitation',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: CONSERVATIVE_EVIDENCE,
  },
  {
    code: 'PMP-CBT',
    name: 'Pain management programme / CBT',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: CONSERVATIVE_EVIDENCE,
  },
  {
    code: 'MED-GABAPENTINOID',
    name: 'Gabapentinoid (gabapentin, pregabalin)',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: MEDICATION_EVIDENCE,
  },
  {
    code: 'MED-SNRI-TCA',
    name: 'SNRI / tricyclic antidepressant',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: MEDICATION_EVIDENCE,
  },
  {
    code: 'MED-NSAID',
    name: 'NSAID',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: MEDICATION_EVIDENCE,
  },
  {
    code: 'MED-OPIOID',
    name: 'Opioid (track daily MME)',
    category: 'conservative',
    cpt: null,
    relatedCpt: [],
    kind: 'course',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: MEDICATION_EVIDENCE,
  },
  // ---- Interventional (fbss-domain.md §5) ----
  {
    code: 'ESI-IL',
    name: 'Interlaminar epidural steroid injection',
    category: 'interventional',
    cpt: '62323', // lumbar/sacral with imaging guidance; 62322 without [src]
    relatedCpt: ['62322'],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: null,
  },
  {
    code: 'ESI-TF',
    name: 'Transforaminal epidural steroid injection',
    category: 'interventional',
    cpt: '64483', // + 64484 each additional level (unverified)
    relatedCpt: ['64484'],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: null,
  },
  {
    code: 'ADHESIOLYSIS',
    name: 'Epidural adhesiolysis (Racz)',
    category: 'interventional',
    cpt: '62264', // single-day; 62263 multi-day (unverified)
    relatedCpt: ['62263'],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: '"Might be beneficial" in PSPS-T2.', // [src]
  },
  {
    code: 'MBB',
    name: 'Medial branch block',
    category: 'interventional',
    cpt: '64493', // 64493-64495 (unverified)
    relatedCpt: ['64494', '64495'],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: 'Diagnostic for facet pain (POST-FAC).',
  },
  {
    code: 'RFA',
    name: 'Radiofrequency ablation (lumbar medial branch)',
    category: 'interventional',
    cpt: '64635', // + 64636 additional level (unverified)
    relatedCpt: ['64636'],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: 'For facet pain after positive medial branch blocks.',
  },
  {
    code: 'SIJ-INJ',
    name: 'Sacroiliac joint injection',
    category: 'interventional',
    cpt: '27096', // (unverified)
    relatedCpt: [],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: 'Diagnostic and therapeutic for SIJ pain (POST-SIJ).',
  },
  {
    code: 'PRF-DRG',
    name: 'Pulsed radiofrequency of the dorsal root ganglion',
    category: 'interventional',
    cpt: null,
    relatedCpt: [],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: '"Might be beneficial" in PSPS-T2.', // [src]
  },
  // ---- Neuromodulation (fbss-domain.md §5) ----
  {
    code: 'SCS-TRIAL',
    name: 'Spinal cord stimulation trial',
    category: 'neuromodulation',
    cpt: '63650', // percutaneous lead [src]
    relatedCpt: [],
    kind: 'procedure',
    followUpMonths: NEUROMODULATION_FOLLOW_UP_MONTHS,
    // TRIAL-STIM (Eldabe, Pain 2020): no outcome or cost benefit of a trial vs no trial [src].
    evidence: 'Success: 50% or more pain relief with stable or reduced medication and stable activity (TRIAL-STIM).',
    isScsTrial: true,
  },
  {
    code: 'SCS-IMPLANT',
    name: 'Spinal cord stimulator, permanent implant (conventional)',
    category: 'neuromodulation',
    cpt: '63685', // pulse generator [src]; leads 63650 [src] or paddle via laminectomy 63655 (unverified)
    relatedCpt: ['63650', '63655'],
    kind: 'procedure',
    followUpMonths: NEUROMODULATION_FOLLOW_UP_MONTHS,
    // NICE TA159: neuropathic pain >= 50 mm VAS for >= 6 months despite CMM, successful trial, MDT [src].
    evidence: 'NICE TA159; PROCESS (Kumar 2007); North 2005 (SCS beat reoperation).',
    implantFollowsTrial: true,
  },
  {
    code: 'SCS-10KHZ',
    name: '10 kHz high-frequency spinal cord stimulator implant',
    category: 'neuromodulation',
    cpt: '63685', // same pulse-generator code as conventional SCS [src]
    relatedCpt: ['63650'],
    kind: 'procedure',
    followUpMonths: NEUROMODULATION_FOLLOW_UP_MONTHS,
    evidence: 'SENZA-RCT (Kapural 2015): 3-month back-pain responders 84.5% vs 43.8% for traditional SCS.', // [src]
    implantFollowsTrial: true,
  },
  {
    code: 'DRG-STIM',
    name: 'Dorsal root ganglion stimulation',
    category: 'neuromodulation',
    cpt: null,
    relatedCpt: [],
    kind: 'procedure',
    followUpMonths: NEUROMODULATION_FOLLOW_UP_MONTHS,
    evidence: 'Evidence mostly in CRPS (Deer 2017).', // [src]
    // Trial-before-implant for DRG stimulation follows SCS practice (unverified).
    implantFollowsTrial: true,
  },
  {
    code: 'ITDD',
    name: 'Intrathecal drug delivery pump',
    category: 'neuromodulation',
    cpt: '62362', // pump implant; 62350 catheter (unverified)
    relatedCpt: ['62350'],
    kind: 'procedure',
    followUpMonths: NEUROMODULATION_FOLLOW_UP_MONTHS,
    evidence: 'Last line.', // (unverified)
  },
  // ---- Surgical (fbss-domain.md §5) ----
  {
    code: 'REVISION-SURGERY',
    name: 'Revision surgery (decompression, fusion or pseudarthrosis repair, hardware removal, SI fusion)',
    category: 'surgical',
    cpt: null,
    relatedCpt: [],
    kind: 'procedure',
    followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
    evidence: 'North 2005: SCS success 47% vs reoperation 12%.', // [src]
  },
] as const satisfies readonly TreatmentDefinition[];

export const TREATMENT_CODES = codesOf(TREATMENTS);
export type TreatmentCode = (typeof TREATMENTS)[number]['code'];

const TREATMENT_INDEX = indexByCode<TreatmentDefinition>(TREATMENTS);

export function isTreatmentCode(value: unknown): value is TreatmentCode {
  return typeof value === 'string' && TREATMENT_INDEX.has(value);
}

export function treatmentByCode(code: string): TreatmentDefinition | undefined {
  return TREATMENT_INDEX.get(code);
}

/** Treatments grouped by category, in TREATMENT_CATEGORIES order. */
export function treatmentsByCategory(): {
  category: TreatmentCategory;
  label: string;
  treatments: TreatmentDefinition[];
}[] {
  const all: readonly TreatmentDefinition[] = TREATMENTS;
  return TREATMENT_CATEGORIES.map((c) => ({
    category: c.code,
    label: c.label,
    treatments: all.filter((t) => t.category === c.code),
  }));
}

// ---- Plan items (FHIR CarePlan.activity.detail.status, simplified; fbss-domain.md §8) ----

export const PLAN_ITEM_STATUSES = ['planned', 'active', 'completed', 'stopped', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PLAN_ITEM_STATUS_LABELS: Readonly<Record<PlanItemStatus, string>> = {
  planned: 'Planned',
  active: 'Active',
  completed: 'Completed',
  stopped: 'Stopped',
  cancelled: 'Cancelled',
};

/**
 * FHIR R4 CarePlan.activity.detail.status equivalents: planned = not-started/scheduled,
 * active = in-progress, stopped = stopped (ended early), cancelled = cancelled (never started).
 */
export const PLAN_ITEM_STATUS_FHIR: Readonly<Record<PlanItemStatus, string>> = {
  planned: 'scheduled',
  active: 'in-progress',
  completed: 'completed',
  stopped: 'stopped',
  cancelled: 'cancelled',
};

/**
 * A planned item starts or is cancelled; an active item completes or is stopped early; completed,
 * stopped and cancelled are terminal (a cancelled item can never be completed: plan a new one).
 */
export const PLAN_ITEM_TRANSITIONS: Readonly<Record<PlanItemStatus, readonly PlanItemStatus[]>> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'stopped'],
  completed: [],
  stopped: [],
  cancelled: [],
};

export function canTransitionPlanItem(from: PlanItemStatus, to: PlanItemStatus): boolean {
  return PLAN_ITEM_TRANSITIONS[from].includes(to);
}

/** Null when allowed, otherwise a message for a 422 response. */
export function planItemTransitionError(from: PlanItemStatus, to: PlanItemStatus): string | null {
  if (canTransitionPlanItem(from, to)) return null;
  const next = PLAN_ITEM_TRANSITIONS[from];
  const allowed =
    next.length === 0 ? 'none (this status is final)' : next.map((s) => PLAN_ITEM_STATUS_LABELS[s]).join(', ');
  return `A plan item that is ${PLAN_ITEM_STATUS_LABELS[from]} cannot become ${PLAN_ITEM_STATUS_LABELS[to]}. Allowed next: ${allowed}.`;
}

// ---- SCS trial success (fbss-domain.md §5) ----

/**
 * SCS trial success: >= 50% pain relief with stable or reduced medication and stable activity
 * (expert definition cited in TRIAL-STIM, Eldabe 2020) [src].
 */
export const SCS_TRIAL_SUCCESS_RELIEF_PCT = 50;

/** Tolerance so that values computed in floating point (e.g. 49.99999999999999) still count. */
const PCT_EPSILON = 1e-9;

/**
 * True when relief reaches 50%. The medication and activity conditions of the definition are checked
 * only when given: passing `medicationStableOrReduced: false` or `activityStable: false` makes the
 * trial unsuccessful whatever the relief. A null relief (not recorded) is not a success.
 */
export function isScsTrialSuccess(
  reliefPct: number | null,
  conditions: { readonly medicationStableOrReduced?: boolean; readonly activityStable?: boolean } = {},
): boolean {
  if (reliefPct == null || !Number.isFinite(reliefPct)) return false;
  if (conditions.medicationStableOrReduced === false || conditions.activityStable === false) return false;
  return reliefPct >= SCS_TRIAL_SUCCESS_RELIEF_PCT - PCT_EPSILON;
}

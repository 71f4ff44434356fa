/**
 * Symptom entry vocabulary for nurse recording (fbss-domain.md §3.1).
 * SNOMED CT codes (system http://snomed.info/sct) only where the brief gives them (§1.4); others null.
 */
import type { CauseCode } from './causes';

// ---- Symptom type ----

export const SYMPTOM_TYPES = [
  'persistent-back-pain',
  'leg-pain',
  'radicular-pain',
  'numbness',
  'tingling',
  'weakness',
  'other',
] as const;
export type SymptomType = (typeof SYMPTOM_TYPES)[number];

export const SYMPTOM_TYPE_LABELS: Readonly<Record<SymptomType, string>> = {
  'persistent-back-pain': 'Persistent back pain',
  'leg-pain': 'Leg pain',
  'radicular-pain': 'Radicular pain',
  numbness: 'Numbness',
  tingling: 'Tingling / paraesthesia',
  weakness: 'Weakness',
  other: 'Other (burning, electric, cramp)',
};

// ---- Side (SNOMED laterality qualifiers, fbss-domain.md §1.4) ----

export const SIDES = ['left', 'right', 'bilateral', 'midline'] as const;
export type Side = (typeof SIDES)[number];

export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  left: 'Left',
  right: 'Right',
  bilateral: 'Bilateral',
  midline: 'Midline',
};

export const SIDE_SNOMED: Readonly<Record<Side, string | null>> = {
  left: '7771000', // Left [src]
  right: '24028007', // Right (unverified)
  bilateral: '51440002', // Bilateral (unverified)
  midline: null, // no code in the brief
};

// ---- Body region (body map -> Observation.bodySite) ----

export const BODY_REGIONS = [
  'low-back',
  'buttock',
  'groin',
  'thigh',
  'lower-leg',
  'foot',
  'perineum',
  'lower-limb',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const BODY_REGION_LABELS: Readonly<Record<BodyRegion, string>> = {
  'low-back': 'Low back',
  buttock: 'Buttock',
  groin: 'Groin',
  thigh: 'Thigh',
  'lower-leg': 'Lower leg (calf and shin)',
  foot: 'Foot',
  perineum: 'Perineum / saddle area',
  'lower-limb': 'Whole leg (lower limb)',
};

/** Low back 37822005 and lower limb 61685007 [src]; the brief gives no codes for the others. */
export const BODY_REGION_SNOMED: Readonly<Record<BodyRegion, string | null>> = {
  'low-back': '37822005', // Lower back structure [src]
  buttock: null,
  groin: null,
  thigh: null,
  'lower-leg': null,
  foot: null,
  perineum: null,
  'lower-limb': '61685007', // Lower limb structure [src]
};

// ---- Dermatomes ----

export const DERMATOMES = ['L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2'] as const;
export type Dermatome = (typeof DERMATOMES)[number];

/**
 * Typical skin territory of each dermatome, to help the nurse pick one.
 * L3-S1 from fbss-domain.md §3.1, which tags the row (unverified). L1, L2 and S2 are not in the brief
 * (standard anatomy, unverified); the brief places S2-S4 at the perineum.
 */
export const DERMATOME_TERRITORIES: Readonly<Record<Dermatome, string>> = {
  L1: 'Groin',
  L2: 'Anterior and medial thigh',
  L3: 'Anterior thigh and knee',
  L4: 'Medial leg and medial malleolus',
  L5: 'Lateral leg, dorsum of foot and big toe',
  S1: 'Lateral foot, sole and little toe',
  S2: 'Posterior thigh and popliteal fossa',
};

/**
 * Key myotomes and reflexes for the clinician's neuro exam (MRC power 0-5), fbss-domain.md §3.1
 * "(unverified standard)": L2 hip flexion, L3 knee extension, L4 dorsiflexion, L5 big-toe extension,
 * S1 plantarflexion; knee reflex L4, ankle reflex S1.
 */
export const KEY_MYOTOMES = [
  { root: 'L2', movement: 'Hip flexion' },
  { root: 'L3', movement: 'Knee extension' },
  { root: 'L4', movement: 'Ankle dorsiflexion' },
  { root: 'L5', movement: 'Big-toe extension' },
  { root: 'S1', movement: 'Ankle plantarflexion' },
] as const satisfies readonly { root: Dermatome; movement: string }[];

export const KEY_REFLEXES = [
  { root: 'L4', reflex: 'Knee (patellar) reflex' },
  { root: 'S1', reflex: 'Ankle (Achilles) reflex' },
] as const satisfies readonly { root: Dermatome; reflex: string }[];

/** MRC muscle power grades 0 (no contraction) to 5 (normal). */
export const MRC_MIN = 0;
export const MRC_MAX = 5;

// ---- Onset relative to surgery ----

export const ONSETS = ['never-relieved', 'new-after-surgery', 'recurred-after-interval', 'progressive'] as const;
export type Onset = (typeof ONSETS)[number];

export const ONSET_LABELS: Readonly<Record<Onset, string>> = {
  'never-relieved': 'Never relieved by surgery',
  'new-after-surgery': 'New straight after surgery',
  'recurred-after-interval': 'Recurred after a pain-free interval',
  progressive: 'Progressive',
};

/**
 * Causes an onset pattern points to, as a prompt for the specialist (fbss-domain.md §3.1, an
 * (unverified) heuristic): immediate new radicular pain -> root injury or malposition; recurrence after
 * an interval -> recurrent herniation or adjacent segment disease. Never a diagnosis by itself.
 */
export const ONSET_SUGGESTED_CAUSES: Readonly<Record<Onset, readonly CauseCode[]>> = {
  'never-relieved': [],
  'new-after-surgery': ['OP-NR', 'OP-HW'],
  'recurred-after-interval': ['POST-RDH', 'POST-ASD'],
  progressive: [],
};

// ---- Pattern (fbss-domain.md §3.1) ----

export const SYMPTOM_PATTERNS = ['constant', 'intermittent', 'positional', 'neurogenic-claudication'] as const;
export type SymptomPattern = (typeof SYMPTOM_PATTERNS)[number];

export const SYMPTOM_PATTERN_LABELS: Readonly<Record<SymptomPattern, string>> = {
  constant: 'Constant',
  intermittent: 'Intermittent',
  positional: 'Positional',
  'neurogenic-claudication': 'Neurogenic claudication (walking distance)',
};

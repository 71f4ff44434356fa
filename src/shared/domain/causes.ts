/**
 * Suspected-cause catalogue for PSPS-T2 / FBSS (fbss-domain.md §2).
 *
 * Two axes:
 * - timing: pre-operative / operative / post-operative (Sebaaly 2018, Asian Spine J) [src];
 * - mechanism: inappropriate procedure / technical failure / biomechanical sequelae / complications /
 *   undetermined (PSPS-T2 review, van de Minkelis) [src].
 *
 * Each tag on a patient is a FHIR Condition whose verificationStatus moves from provisional or
 * differential to confirmed or refuted as evidence comes in (fbss-domain.md §0.7 and §8) [src].
 * More than one tag per patient is normal.
 *
 * ICD-10-CM codes (system http://hl7.org/fhir/sid/icd-10-cm) are given in `icd10` only where the brief
 * marks the mapping [src]; further candidate codes are in `relatedIcd10`, commented where unverified.
 */
import { codesOf, indexByCode, labelsOf, normaliseSearchText, searchTokens } from './catalogue';

export const CAUSE_TIMINGS = [
  { code: 'pre-operative', label: 'Pre-operative' },
  { code: 'operative', label: 'Operative' },
  { code: 'post-operative', label: 'Post-operative' },
  // UND has no timing: the brief leaves its timing/mechanism cell empty.
  { code: 'undetermined', label: 'Undetermined' },
] as const;
export const CAUSE_TIMING_CODES = codesOf(CAUSE_TIMINGS);
export type CauseTiming = (typeof CAUSE_TIMINGS)[number]['code'];
export const CAUSE_TIMING_LABELS = labelsOf(CAUSE_TIMINGS);

// Mechanism axis, PSPS-T2 review (van de Minkelis) [src].
export const CAUSE_MECHANISMS = [
  { code: 'inappropriate procedure', label: 'Inappropriate procedure' },
  { code: 'technical failure', label: 'Technical failure' },
  { code: 'biomechanical sequelae', label: 'Biomechanical sequelae' },
  { code: 'complication', label: 'Complication' },
  { code: 'undetermined', label: 'Undetermined' },
] as const;
export const CAUSE_MECHANISM_CODES = codesOf(CAUSE_MECHANISMS);
export type CauseMechanism = (typeof CAUSE_MECHANISMS)[number]['code'];
export const CAUSE_MECHANISM_LABELS = labelsOf(CAUSE_MECHANISMS);

export interface CauseDefinition {
  /** Local tag code, e.g. 'POST-PSA' (local FHIR CodeSystem `https://<clinic>/fhir/CodeSystem/fbss-cause`). */
  readonly code: string;
  readonly name: string;
  /** Short label for chips and table cells. */
  readonly shortName: string;
  readonly timing: CauseTiming;
  readonly mechanism: CauseMechanism;
  readonly definition: string;
  readonly typicalEvidence: string;
  /** ICD-10-CM code where the brief maps one [src]; null otherwise. */
  readonly icd10: string | null;
  /** Other candidate ICD-10-CM codes (for coders); see the per-cause comment for verification status. */
  readonly relatedIcd10: readonly string[];
  /** Search terms (case-insensitive), including the clinic's own words for the cause. */
  readonly synonyms: readonly string[];
}

export const CAUSES = [
  // ---- Pre-operative (Sebaaly 2018) ----
  {
    // Clinic term "incorrect diagnosis" -> PRE-DX (fbss-domain.md §2 mapping).
    code: 'PRE-DX',
    name: 'Incorrect diagnosis / wrong pain generator',
    shortName: 'Incorrect diagnosis',
    timing: 'pre-operative',
    mechanism: 'inappropriate procedure',
    definition: 'Surgery aimed at a lesion that was not the pain source.',
    typicalEvidence:
      'Discordant history versus imaging; diagnostic blocks pointing to another generator (facet, sacroiliac joint, hip).',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'incorrect diagnosis',
      'wrong pain generator',
      'misdiagnosis',
      'wrong diagnosis',
      'missed pain generator',
    ],
  },
  {
    code: 'PRE-IND',
    name: 'Inappropriate procedure',
    shortName: 'Inappropriate procedure',
    timing: 'pre-operative',
    mechanism: 'inappropriate procedure',
    // Example from the brief: lumbar fusion for SIJ pain [src].
    definition: 'Procedure not indicated for the pathology, e.g. lumbar fusion for sacroiliac-joint pain.',
    typicalEvidence: 'Chart review against surgical indications.',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'inappropriate procedure',
      'inappropriate indication',
      'poor surgical indication',
      'wrong operation',
      'unnecessary surgery',
    ],
  },
  {
    code: 'PRE-PSY',
    name: 'Psychosocial / selection risk',
    shortName: 'Psychosocial risk',
    timing: 'pre-operative',
    mechanism: 'undetermined',
    definition: 'Depression, catastrophising, compensation or litigation, smoking.',
    // PCS >= 30 is high per ePPOC [src].
    typicalEvidence: 'PHQ-9; Pain Catastrophizing Scale (PCS; 30 or more is high); history.',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'psychosocial',
      'patient selection',
      'selection risk',
      'yellow flags',
      'depression',
      'catastrophising',
      'catastrophizing',
      'compensation',
      'litigation',
      'smoking',
    ],
  },
  // ---- Operative (Sebaaly 2018) ----
  {
    code: 'OP-WL',
    name: 'Wrong level',
    shortName: 'Wrong level',
    timing: 'operative',
    mechanism: 'technical failure',
    definition: 'Operation at a non-affected level.', // [src]
    typicalEvidence: 'Post-operative MRI/CT versus pre-operative imaging and the operative note.',
    icd10: null,
    relatedIcd10: [],
    synonyms: ['wrong level', 'wrong-level surgery', 'wrong site surgery', 'wrong segment'],
  },
  {
    code: 'OP-DEC',
    name: 'Inadequate decompression / residual or foraminal stenosis',
    shortName: 'Inadequate decompression',
    timing: 'operative',
    mechanism: 'technical failure',
    definition: 'Persistent neural compression after decompressive surgery.',
    // Waguespack 2002: foraminal stenosis ~25-29% in older series (unverified).
    typicalEvidence: 'MRI/CT showing residual central, lateral-recess or foraminal stenosis.',
    icd10: null,
    // M48.061 / M48.062 lumbar stenosis without / with neurogenic claudication [src].
    relatedIcd10: ['M48.061', 'M48.062'],
    synonyms: [
      'inadequate decompression',
      'incomplete decompression',
      'residual stenosis',
      'foraminal stenosis',
      'lateral recess stenosis',
    ],
  },
  {
    code: 'OP-FRAG',
    name: 'Retained disc fragment',
    shortName: 'Retained fragment',
    timing: 'operative',
    mechanism: 'technical failure',
    definition: 'Disc fragment left in the canal or foramen at surgery.', // [src]
    typicalEvidence: 'Early post-operative MRI.',
    icd10: null,
    relatedIcd10: [],
    synonyms: ['retained disc fragment', 'retained fragment', 'missed fragment', 'residual disc'],
  },
  {
    // Clinic term "surgically induced injury" -> OP-NR, OP-DUR, OP-HW (fbss-domain.md §2 mapping).
    code: 'OP-NR',
    name: 'Nerve root injury ("battered root")',
    shortName: 'Nerve root injury',
    timing: 'operative',
    mechanism: 'complication',
    definition: 'Injury to a nerve root during surgery.', // [src]
    // EMG/NCS denervation (fibrillations) from >= 3 weeks after injury (unverified).
    typicalEvidence:
      'New deficit straight after surgery; EMG/NCS denervation (fibrillations, from about 3 weeks after injury); positive neuropathic screen.',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'nerve root injury',
      'battered root',
      'surgically induced injury',
      'surgical injury',
      'iatrogenic nerve injury',
      'root damage',
    ],
  },
  {
    code: 'OP-DUR',
    name: 'Dural tear / pseudomeningocele / CSF leak',
    shortName: 'Dural tear',
    timing: 'operative',
    mechanism: 'complication',
    definition: 'Dural breach during surgery with cerebrospinal fluid leak or pseudomeningocele.',
    typicalEvidence: 'Positional headache; fluid collection on MRI.',
    icd10: null,
    // G97.41 accidental puncture or laceration of dura during a procedure (unverified).
    relatedIcd10: ['G97.41'],
    synonyms: [
      'dural tear',
      'durotomy',
      'incidental durotomy',
      'pseudomeningocele',
      'CSF leak',
      'cerebrospinal fluid leak',
      'surgically induced injury',
      'surgical injury',
    ],
  },
  {
    code: 'OP-HW',
    name: 'Hardware malposition',
    shortName: 'Hardware malposition',
    timing: 'operative',
    mechanism: 'technical failure',
    definition: 'Malpositioned implant, e.g. pedicle screw breach.',
    // Gertzbein-Robbins grading A-E (0, <2, 2-4, 4-6, >6 mm breach) (unverified).
    typicalEvidence: 'CT; pedicle breach graded by Gertzbein-Robbins (A to E).',
    icd10: null,
    // T84.2- family "displacement of internal fixation device of vertebrae"; exact code T84.226A (unverified).
    relatedIcd10: ['T84.226A'],
    synonyms: [
      'hardware malposition',
      'screw malposition',
      'malpositioned screw',
      'misplaced screw',
      'pedicle screw breach',
      'surgically induced injury',
      'surgical injury',
    ],
  },
  // ---- Post-operative (Sebaaly 2018) ----
  {
    code: 'POST-RDH',
    name: 'Recurrent disc herniation',
    shortName: 'Recurrent herniation',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Herniation at the same level after a pain-free interval.',
    // Disc shows no central enhancement (rim only) vs scar on gadolinium MRI (unverified).
    typicalEvidence: 'Gadolinium MRI: disc material without central enhancement (rim only), unlike scar.',
    // M51.16 in coder guidance [src]; M51.26 other lumbar disc displacement [src].
    icd10: 'M51.16',
    relatedIcd10: ['M51.26'],
    synonyms: [
      'recurrent disc herniation',
      'reherniation',
      're-herniation',
      'recurrent disc prolapse',
      'recurrent slipped disc',
    ],
  },
  {
    // Clinic term "poor surgical result (nonunion)" -> POST-PSA (fbss-domain.md §2 mapping).
    code: 'POST-PSA',
    name: 'Pseudarthrosis / nonunion',
    shortName: 'Pseudarthrosis',
    timing: 'post-operative',
    mechanism: 'technical failure',
    definition: 'Failed fusion.', // [src]
    // Usually judged >= 12 months after fusion (unverified).
    typicalEvidence:
      'CT (no bridging bone, screw lucency); motion on flexion-extension X-ray; usually judged 12 months or more after fusion.',
    icd10: 'M96.0', // Pseudarthrosis after fusion or arthrodesis [src]
    relatedIcd10: [],
    synonyms: ['nonunion', 'non-union', 'pseudarthrosis', 'pseudoarthrosis', 'failed fusion', 'poor surgical result'],
  },
  {
    code: 'POST-HWF',
    name: 'Hardware failure',
    shortName: 'Hardware failure',
    timing: 'post-operative',
    mechanism: 'technical failure',
    definition: 'Rod or screw breakage, or loosening.',
    typicalEvidence: 'X-ray/CT; ICD-10-CM T84.2- codes.',
    icd10: null,
    // T84.2- family titles [src]; exact codes T84.216A / T84.226A / T84.296A (unverified).
    relatedIcd10: ['T84.216A', 'T84.226A', 'T84.296A'],
    synonyms: ['hardware failure', 'implant failure', 'broken screw', 'broken rod', 'rod fracture', 'screw loosening'],
  },
  {
    code: 'POST-ASD',
    name: 'Adjacent segment disease',
    shortName: 'Adjacent segment disease',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Degeneration next to a fusion.', // [src]
    typicalEvidence: 'Imaging of the adjacent level plus concordant symptoms.',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'adjacent segment disease',
      'adjacent segment degeneration',
      'adjacent level disease',
      'junctional degeneration',
      'ASD',
    ],
  },
  {
    code: 'POST-INST',
    name: 'Instability / iatrogenic spondylolisthesis',
    shortName: 'Instability',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Segmental instability or slip caused or unmasked by surgery.', // [src]
    // Dynamic X-ray translation, often >= 3-4 mm (unverified).
    typicalEvidence: 'Dynamic (flexion-extension) X-ray translation, often 3-4 mm or more.',
    icd10: null,
    // M53.2X6 spinal instabilities, lumbar region (unverified).
    relatedIcd10: ['M53.2X6'],
    synonyms: [
      'instability',
      'iatrogenic instability',
      'segmental instability',
      'iatrogenic spondylolisthesis',
      'postoperative spondylolisthesis',
    ],
  },
  {
    code: 'POST-IMB',
    name: 'Sagittal imbalance / flatback',
    shortName: 'Sagittal imbalance',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Loss of lumbar lordosis or sagittal balance after surgery.',
    // SVA and PI-LL measurement (unverified).
    typicalEvidence: 'Standing full-spine X-ray (SVA, PI-LL mismatch).',
    icd10: 'M96.3', // Postlaminectomy kyphosis: "Cause: deformity/imbalance" [src]
    relatedIcd10: [],
    synonyms: [
      'sagittal imbalance',
      'flatback',
      'flat back syndrome',
      'loss of lordosis',
      'postlaminectomy kyphosis',
      'deformity',
    ],
  },
  {
    // Clinic term "scar tissue" -> POST-FIB (fbss-domain.md §2 mapping).
    code: 'POST-FIB',
    name: 'Epidural fibrosis (scar)',
    shortName: 'Epidural fibrosis',
    timing: 'post-operative',
    mechanism: 'complication',
    definition: 'Excessive epidural fibrosis.', // [src]
    // Homogeneous enhancement on gadolinium MRI (unverified).
    typicalEvidence: 'Gadolinium MRI: homogeneous enhancement; epiduroscopy.',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'scar tissue',
      'scar',
      'epidural fibrosis',
      'peridural fibrosis',
      'perineural fibrosis',
      'epidural scarring',
      'adhesions',
    ],
  },
  {
    code: 'POST-ARA',
    name: 'Arachnoiditis',
    shortName: 'Arachnoiditis',
    timing: 'post-operative',
    mechanism: 'complication',
    definition: 'Inflammation and scarring of the arachnoid with clumping of nerve roots.', // [src]
    // MRI clumped or peripheral roots, "empty sac" (unverified).
    typicalEvidence: 'MRI: clumped or peripherally adherent roots, "empty sac" sign.',
    icd10: null,
    // G03.9 (arachnoiditis indexed to meningitis NOS) (unverified).
    relatedIcd10: ['G03.9'],
    synonyms: ['arachnoiditis', 'adhesive arachnoiditis', 'clumped nerve roots', 'empty sac'],
  },
  {
    code: 'POST-INF',
    name: 'Infection (surgical site, discitis, abscess)',
    shortName: 'Infection',
    timing: 'post-operative',
    mechanism: 'complication',
    definition: 'Surgical-site infection, discitis or epidural abscess.',
    typicalEvidence: 'Fever, wound signs, CRP/ESR, gadolinium MRI, biopsy.',
    icd10: null,
    // T84.63XA device infection (spine); T81.4- post-procedural infection (unverified).
    relatedIcd10: ['T84.63XA', 'T81.4'],
    synonyms: [
      'infection',
      'surgical site infection',
      'wound infection',
      'SSI',
      'discitis',
      'spondylodiscitis',
      'epidural abscess',
      'abscess',
    ],
  },
  {
    code: 'POST-SIJ',
    name: 'Sacroiliac-joint pain',
    shortName: 'SIJ pain',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Sacroiliac-joint pain, common after fusion to the sacrum.', // [src]
    // >= 3 positive provocation tests plus diagnostic SIJ block with >= 75% relief (unverified).
    typicalEvidence: 'Three or more positive provocation tests plus a diagnostic SIJ block (75% relief or more).',
    icd10: 'M46.1', // Sacroiliitis NEC, "SI-joint pain" [src]
    relatedIcd10: [],
    synonyms: ['sacroiliac joint pain', 'SI joint pain', 'SIJ pain', 'SIJ dysfunction', 'sacroiliitis'],
  },
  {
    code: 'POST-FAC',
    name: 'Facet (zygapophyseal) pain',
    shortName: 'Facet pain',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Pain arising from the zygapophyseal (facet) joints.',
    // Payer thresholds vary, e.g. >= 80% relief (unverified).
    typicalEvidence: 'Dual medial branch blocks (relief thresholds vary by payer, e.g. 80%).',
    icd10: 'M47.816', // Lumbar spondylosis without myelopathy or radiculopathy, "facet pain" [src]
    relatedIcd10: [],
    synonyms: [
      'facet joint pain',
      'facet pain',
      'zygapophyseal joint pain',
      'z-joint pain',
      'facet arthropathy',
      'facet syndrome',
    ],
  },
  {
    code: 'POST-DISC',
    name: 'Discogenic pain',
    shortName: 'Discogenic pain',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Pain arising from a degenerated intervertebral disc.',
    typicalEvidence: 'MRI; provocation discography (controversial).',
    icd10: null,
    relatedIcd10: [],
    synonyms: ['discogenic pain', 'disc degeneration', 'degenerative disc', 'internal disc disruption'],
  },
  {
    code: 'POST-MYO',
    name: 'Myofascial pain / paraspinal denervation / deconditioning',
    shortName: 'Myofascial pain',
    timing: 'post-operative',
    mechanism: 'biomechanical sequelae',
    definition: 'Muscle wasting, paraspinal denervation or myofascial pain.', // "Muscle wasting" [src]
    typicalEvidence: 'Examination (trigger points).',
    icd10: null,
    relatedIcd10: [],
    synonyms: [
      'myofascial pain',
      'paraspinal denervation',
      'paraspinal atrophy',
      'muscle wasting',
      'deconditioning',
      'trigger points',
    ],
  },
  {
    code: 'POST-NEU',
    name: 'Neuropathic pain / central sensitisation',
    shortName: 'Neuropathic pain',
    timing: 'post-operative',
    mechanism: 'undetermined',
    definition: 'Neuropathic pain or central sensitisation without a structural target.',
    // DN4 >= 4/10; painDETECT >= 19 (unverified cut-offs).
    typicalEvidence: 'DN4 4/10 or more; painDETECT 19 or more.',
    icd10: null,
    relatedIcd10: [],
    synonyms: ['neuropathic pain', 'neuropathic', 'central sensitisation', 'central sensitization'],
  },
  // ---- Undetermined ----
  {
    code: 'UND',
    name: 'Undetermined',
    shortName: 'Undetermined',
    timing: 'undetermined',
    mechanism: 'undetermined',
    definition: 'No cause identified yet.', // [src]
    typicalEvidence: 'Work-up incomplete or negative.',
    icd10: null,
    relatedIcd10: [],
    synonyms: ['undetermined', 'unknown cause', 'unexplained', 'not yet determined'],
  },
] as const satisfies readonly CauseDefinition[];

/** All cause codes, in catalogue order; a non-empty tuple usable in `z.enum(CAUSE_CODES)`. */
export const CAUSE_CODES = codesOf(CAUSES);
export type CauseCode = (typeof CAUSES)[number]['code'];

const CAUSE_INDEX = indexByCode<CauseDefinition>(CAUSES);

export function isCauseCode(value: unknown): value is CauseCode {
  return typeof value === 'string' && CAUSE_INDEX.has(value);
}

export function causeByCode(code: string): CauseDefinition | undefined {
  return CAUSE_INDEX.get(code);
}

/**
 * The four causes the clinic names, mapped to tags (fbss-domain.md §2, "Mapping of the four causes the
 * clinic names").
 */
export const CLINIC_NAMED_CAUSES = [
  { term: 'incorrect diagnosis', codes: ['PRE-DX'] },
  { term: 'nonunion', codes: ['POST-PSA'] },
  { term: 'surgically induced injury', codes: ['OP-NR', 'OP-DUR', 'OP-HW'] },
  { term: 'scar tissue', codes: ['POST-FIB'] },
] as const satisfies readonly { term: string; codes: readonly CauseCode[] }[];

/**
 * Case-insensitive search over code, name, short name and synonyms. Each whitespace-separated word of
 * the query must occur in the cause's searchable text (punctuation and hyphens are ignored, so
 * "non union" finds "nonunion"). Results: exact code first, then prefix matches on a name or synonym,
 * then other matches, each group in catalogue order. An empty query returns the whole catalogue.
 */
export function searchCauses(query: string): CauseDefinition[] {
  const tokens = searchTokens(query);
  const all: readonly CauseDefinition[] = CAUSES;
  if (tokens.length === 0) return [...all];
  const whole = normaliseSearchText(query);
  const ranked: { cause: CauseDefinition; rank: number; order: number }[] = [];
  all.forEach((cause, order) => {
    const fields = [cause.code, cause.name, cause.shortName, ...cause.synonyms].map(normaliseSearchText);
    const haystack = fields.join(' ');
    if (!tokens.every((t) => haystack.includes(t))) return;
    const rank = fields[0] === whole ? 0 : fields.some((f) => f.startsWith(whole)) ? 1 : 2;
    ranked.push({ cause, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.cause);
}

/** Causes grouped by timing, groups in CAUSE_TIMINGS order, causes in catalogue order; empty groups are kept. */
export function causesByTiming(): { timing: CauseTiming; label: string; causes: CauseDefinition[] }[] {
  const all: readonly CauseDefinition[] = CAUSES;
  return CAUSE_TIMINGS.map((t) => ({
    timing: t.code,
    label: t.label,
    causes: all.filter((c) => c.timing === t.code),
  }));
}

// ---- Verification status (FHIR Condition.verificationStatus, fbss-domain.md §0.7 and §8) ----

/** Tag statuses; a subset of FHIR R4 condition-ver-status [src]. */
export const CAUSE_STATUSES = ['provisional', 'differential', 'confirmed', 'refuted'] as const;
export type CauseStatus = (typeof CAUSE_STATUSES)[number];

export const CAUSE_STATUS_LABELS: Readonly<Record<CauseStatus, string>> = {
  provisional: 'Provisional',
  differential: 'Differential',
  confirmed: 'Confirmed',
  refuted: 'Refuted',
};

/** FHIR code system for Condition.verificationStatus [src]. */
export const CONDITION_VER_STATUS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** FHIR R4 Condition.verificationStatus codes [src]. */
export const FHIR_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
export type FhirVerificationStatus = (typeof FHIR_VERIFICATION_STATUSES)[number];

/** Our statuses are FHIR codes one-to-one. */
export function causeStatusToFhir(status: CauseStatus): FhirVerificationStatus {
  return status;
}

/**
 * FHIR verificationStatus -> tag status. 'unconfirmed' (the parent of provisional and differential in
 * the FHIR hierarchy) becomes 'provisional'; 'entered-in-error' and unknown codes give null (the tag is
 * not imported; errors are not clinical statements).
 */
export function fhirToCauseStatus(code: string): CauseStatus | null {
  switch (code) {
    case 'unconfirmed':
    case 'provisional':
      return 'provisional';
    case 'differential':
      return 'differential';
    case 'confirmed':
      return 'confirmed';
    case 'refuted':
      return 'refuted';
    default:
      return null;
  }
}

/**
 * Red flags (fbss-domain.md §3.2): a hard alert that blocks "routine" triage.
 * Cauda equina triggers and action [src]; pocket pain figure Baranidharan 2020 [src].
 */
import { codesOf, indexByCode, labelsOf } from './catalogue';
import { maxPriority, type ReferralPriority } from './case-status';

export const RED_FLAG_GROUPS = [
  {
    code: 'cauda-equina',
    label: 'Cauda equina syndrome',
    action: 'Emergency same-day MRI and spinal surgical referral',
    minimumPriority: 'stat',
  },
  { code: 'motor', label: 'Progressive or severe motor deficit', action: 'Urgent review', minimumPriority: 'urgent' },
  {
    code: 'infection',
    label: 'Infection',
    action: 'Urgent bloods, MRI with gadolinium, surgical review',
    minimumPriority: 'urgent',
  },
  { code: 'post-procedure', label: 'Post-procedure complication', action: 'Urgent review', minimumPriority: 'urgent' },
  { code: 'device', label: 'Device problem', action: 'Device clinic', minimumPriority: 'urgent' },
  { code: 'other', label: 'Other', action: 'Per local pathway', minimumPriority: 'urgent' },
] as const satisfies readonly { code: string; label: string; action: string; minimumPriority: ReferralPriority }[];
export const RED_FLAG_GROUP_CODES = codesOf(RED_FLAG_GROUPS);
export type RedFlagGroup = (typeof RED_FLAG_GROUPS)[number]['code'];
export const RED_FLAG_GROUP_LABELS = labelsOf(RED_FLAG_GROUPS);

export interface RedFlagDefinition {
  readonly code: string;
  /** The question the nurse asks / ticks. */
  readonly question: string;
  readonly group: RedFlagGroup;
  /** What to do when the flag is present. */
  readonly action: string;
}

const CES_ACTION = 'Emergency same-day MRI and spinal surgical referral'; // [src]
const INFECTION_ACTION = 'Urgent bloods, MRI with gadolinium, surgical review';

export const RED_FLAGS = [
  // ---- Cauda equina syndrome [src] ----
  {
    code: 'saddle-numbness',
    question: 'New numbness in the saddle or perineal area?',
    group: 'cauda-equina',
    action: CES_ACTION,
  },
  {
    code: 'bladder-dysfunction',
    question: 'New bladder problems (retention, hesitancy, poor stream)?',
    group: 'cauda-equina',
    // Post-void residual > 200 mL suggests retention [src].
    action: `${CES_ACTION}; a post-void residual over 200 mL suggests retention`,
  },
  {
    code: 'bowel-dysfunction',
    question: 'New bowel dysfunction or incontinence?',
    group: 'cauda-equina',
    action: CES_ACTION,
  },
  { code: 'bilateral-sciatica', question: 'Sciatica in both legs?', group: 'cauda-equina', action: CES_ACTION },
  {
    code: 'progressive-weakness',
    question: 'Progressive leg weakness or sensory loss?',
    group: 'cauda-equina',
    action: CES_ACTION,
  },
  { code: 'sexual-dysfunction', question: 'New sexual dysfunction?', group: 'cauda-equina', action: CES_ACTION },
  // ---- Motor ----
  {
    code: 'motor-deficit',
    question: 'Muscle power dropped by 1 MRC grade or more?',
    group: 'motor',
    action: 'Urgent review',
  },
  { code: 'foot-drop', question: 'Foot drop?', group: 'motor', action: 'Urgent review' },
  // ---- Infection ----
  { code: 'fever', question: 'Fever?', group: 'infection', action: INFECTION_ACTION },
  { code: 'wound-signs', question: 'Wound redness or discharge?', group: 'infection', action: INFECTION_ACTION },
  { code: 'night-pain', question: 'Pain at night or at rest?', group: 'infection', action: INFECTION_ACTION },
  { code: 'raised-crp-esr', question: 'Raised CRP or ESR?', group: 'infection', action: INFECTION_ACTION },
  {
    code: 'immunosuppression-or-ivdu',
    question: 'Immunosuppressed or injects drugs intravenously?',
    group: 'infection',
    action: INFECTION_ACTION,
  },
  {
    code: 'scs-site-erythema',
    question: 'Redness at the stimulator pocket or lead site?',
    group: 'infection',
    action: INFECTION_ACTION,
  },
  // ---- Post-procedure ----
  {
    code: 'post-injection-weakness',
    question: 'New weakness or severe back pain after an epidural injection while on anticoagulants?',
    group: 'post-procedure',
    action: 'Urgent review: exclude epidural haematoma',
  },
  {
    code: 'positional-headache',
    question: 'Headache that is worse sitting or standing and eases lying flat?',
    group: 'post-procedure',
    action: 'Urgent review: exclude CSF leak',
  },
  // ---- Device (SCS) ----
  { code: 'stimulation-loss', question: 'Loss of stimulation?', group: 'device', action: 'Device clinic' },
  { code: 'shocks', question: 'Shocks or jolts from the stimulator?', group: 'device', action: 'Device clinic' },
  {
    code: 'lead-migration',
    question: 'Suspected lead migration (stimulation moved)?',
    group: 'device',
    action: 'Device clinic',
  },
  {
    code: 'pocket-pain',
    // 17% of 764 SCS patients had pulse-generator site pain (Baranidharan 2020) [src].
    question: 'Pain at the pulse generator (battery) site?',
    group: 'device',
    action: 'Device clinic',
  },
  // ---- Other ----
  {
    code: 'suicidal-ideation',
    question: 'Thoughts of self-harm or being better off dead (PHQ-9 item 9)?',
    group: 'other',
    action: 'Per local pathway: same-day mental health risk assessment',
  },
  { code: 'overdose-risk', question: 'Opioid overdose risk?', group: 'other', action: 'Per local pathway' },
  {
    code: 'cancer-or-weight-loss',
    question: 'History of cancer or unexplained weight loss?',
    group: 'other',
    action: 'Per local pathway',
  },
  {
    code: 'new-trauma-or-fracture',
    question: 'New trauma or suspected osteoporotic fracture?',
    group: 'other',
    action: 'Per local pathway',
  },
] as const satisfies readonly RedFlagDefinition[];

export const RED_FLAG_CODES = codesOf(RED_FLAGS);
export type RedFlagCode = (typeof RED_FLAGS)[number]['code'];

const RED_FLAG_INDEX = indexByCode<RedFlagDefinition>(RED_FLAGS);

export function isRedFlagCode(value: unknown): value is RedFlagCode {
  return typeof value === 'string' && RED_FLAG_INDEX.has(value);
}

export function redFlagByCode(code: string): RedFlagDefinition | undefined {
  return RED_FLAG_INDEX.get(code);
}

/** Red flags grouped, groups in RED_FLAG_GROUPS order (for the triage checklist). */
export function redFlagsByGroup(): { group: RedFlagGroup; label: string; flags: RedFlagDefinition[] }[] {
  const all: readonly RedFlagDefinition[] = RED_FLAGS;
  return RED_FLAG_GROUPS.map((g) => ({ group: g.code, label: g.label, flags: all.filter((f) => f.group === g.code) }));
}

/**
 * The least urgent referral priority allowed with these flags present: any red flag blocks 'routine'
 * (fbss-domain.md §3.2 "hard alert; block routine triage"); cauda equina needs 'stat' (emergency
 * same-day MRI). Decision: other groups need at least 'urgent'. With no flags, 'routine'.
 */
export function minimumPriorityForRedFlags(codes: readonly string[]): ReferralPriority {
  let min: ReferralPriority = 'routine';
  for (const code of codes) {
    const flag = RED_FLAG_INDEX.get(code);
    const group = flag && RED_FLAG_GROUPS.find((g) => g.code === flag.group);
    if (group) min = maxPriority(min, group.minimumPriority);
  }
  return min;
}

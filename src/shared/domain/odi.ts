/**
 * Oswestry Disability Index v2.1a (Fairbank & Pynsent 2000; fbss-domain.md §0.5 and §4).
 *
 * - 10 sections, each scored 0-5 [src].
 * - ODI% = sum of answered sections / (5 x number answered) x 100; e.g. 16/50 = 32.0%, and with one
 *   section missing 16/45 = 35.6% (35.55..., reported to one decimal) [src].
 * - More than one section missing: not scored (awell-score) [src]. Some sites accept 2 missing
 *   (unverified); we follow awell-score (open question in fbss-domain.md §10, decided: at most 1).
 * - Bands 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound or
 *   exaggerating [src]. MIC 10 points or 30% (Ostelo 2008) [src].
 * - LOINC 97908-8 panel and 97909-6 score, as used in the PACIO sample IG [src]; confirm in the
 *   current LOINC release (fbss-domain.md §10).
 *
 * Statement texts follow the English v2.1a questionnaire; wording was not checked against the licensed
 * Mapi/MAPI Research Trust text (licence unverified, fbss-domain.md §10).
 */
import { codesOf, labelsOf } from './catalogue';

export const ODI_LOINC_PANEL = '97908-8';
export const ODI_LOINC_SCORE = '97909-6';

export const ODI_SECTION_COUNT = 10;
/** Largest number of unanswered sections for which the ODI is still scored (awell-score) [src]. */
export const ODI_MAX_MISSING = 1;
export const ODI_ITEM_MIN = 0;
export const ODI_ITEM_MAX = 5;
/** Minimal important change: 10 points (Ostelo 2008) [src]. */
export const ODI_MIC_POINTS = 10;

export interface OdiSection {
  readonly id: string;
  readonly title: string;
  /** Six statements, scored 0 (first) to 5 (last). */
  readonly statements: readonly [string, string, string, string, string, string];
  /** Only sex life: "if applicable"; skipping it uses the one allowed missing section. */
  readonly optional?: boolean;
}

export const ODI_SECTIONS = [
  {
    id: 'painIntensity',
    title: 'Pain intensity',
    statements: [
      'I have no pain at the moment',
      'The pain is very mild at the moment',
      'The pain is moderate at the moment',
      'The pain is fairly severe at the moment',
      'The pain is very severe at the moment',
      'The pain is the worst imaginable at the moment',
    ],
  },
  {
    id: 'personalCare',
    title: 'Personal care (washing, dressing etc)',
    statements: [
      'I can look after myself normally without causing extra pain',
      'I can look after myself normally but it causes extra pain',
      'It is painful to look after myself and I am slow and careful',
      'I need some help but manage most of my personal care',
      'I need help every day in most aspects of self-care',
      'I do not get dressed, I wash with difficulty and stay in bed',
    ],
  },
  {
    id: 'lifting',
    title: 'Lifting',
    statements: [
      'I can lift heavy weights without extra pain',
      'I can lift heavy weights but it gives extra pain',
      'Pain prevents me from lifting heavy weights off the floor, but I can manage if they are conveniently placed, eg on a table',
      'Pain prevents me from lifting heavy weights, but I can manage light to medium weights if they are conveniently positioned',
      'I can lift very light weights',
      'I cannot lift or carry anything at all',
    ],
  },
  {
    id: 'walking',
    title: 'Walking',
    statements: [
      'Pain does not prevent me walking any distance',
      'Pain prevents me from walking more than 1 mile',
      'Pain prevents me from walking more than a quarter of a mile',
      'Pain prevents me from walking more than 100 yards',
      'I can only walk using a stick or crutches',
      'I am in bed most of the time',
    ],
  },
  {
    id: 'sitting',
    title: 'Sitting',
    statements: [
      'I can sit in any chair as long as I like',
      'I can only sit in my favourite chair as long as I like',
      'Pain prevents me sitting more than one hour',
      'Pain prevents me from sitting more than 30 minutes',
      'Pain prevents me from sitting more than 10 minutes',
      'Pain prevents me from sitting at all',
    ],
  },
  {
    id: 'standing',
    title: 'Standing',
    statements: [
      'I can stand as long as I want without extra pain',
      'I can stand as long as I want but it gives me extra pain',
      'Pain prevents me from standing for more than 1 hour',
      'Pain prevents me from standing for more than 30 minutes',
      'Pain prevents me from standing for more than 10 minutes',
      'Pain prevents me from standing at all',
    ],
  },
  {
    id: 'sleeping',
    title: 'Sleeping',
    statements: [
      'My sleep is never disturbed by pain',
      'My sleep is occasionally disturbed by pain',
      'Because of pain I have less than 6 hours sleep',
      'Because of pain I have less than 4 hours sleep',
      'Because of pain I have less than 2 hours sleep',
      'Pain prevents me from sleeping at all',
    ],
  },
  {
    id: 'sexLife',
    title: 'Sex life (if applicable)',
    statements: [
      'My sex life is normal and causes no extra pain',
      'My sex life is normal but causes some extra pain',
      'My sex life is nearly normal but is very painful',
      'My sex life is severely restricted by pain',
      'My sex life is nearly absent because of pain',
      'Pain prevents any sex life at all',
    ],
    optional: true,
  },
  {
    id: 'socialLife',
    title: 'Social life',
    statements: [
      'My social life is normal and gives me no extra pain',
      'My social life is normal but increases the degree of pain',
      'Pain has no significant effect on my social life apart from limiting my more energetic interests, eg sport',
      'Pain has restricted my social life and I do not go out as often',
      'Pain has restricted my social life to my home',
      'I have no social life because of pain',
    ],
  },
  {
    id: 'travelling',
    title: 'Travelling',
    statements: [
      'I can travel anywhere without pain',
      'I can travel anywhere but it gives me extra pain',
      'Pain is bad but I manage journeys over two hours',
      'Pain restricts me to journeys of less than one hour',
      'Pain restricts me to short necessary journeys under 30 minutes',
      'Pain prevents me from travelling except to receive treatment',
    ],
  },
] as const satisfies readonly OdiSection[];

export type OdiSectionId = (typeof ODI_SECTIONS)[number]['id'];
type IdTuple<T extends readonly { readonly id: string }[]> = { readonly [K in keyof T]: T[K]['id'] };
/** Section ids in questionnaire order (a tuple usable in `z.enum`). */
export const ODI_SECTION_IDS = ODI_SECTIONS.map((s) => s.id) as unknown as IdTuple<typeof ODI_SECTIONS>;

// ---- Bands ----

/**
 * Fairbank & Pynsent 2000 interpretation [src]. The published bands are whole numbers (0-20, 21-40, ...)
 * but a score can be a decimal (one section missing): each band runs up to and including its `max`,
 * and anything above it falls in the next band. So 20.0 is minimal and 20.5 is moderate; 40.0 is
 * moderate and 40.1 is severe.
 */
export const ODI_BANDS = [
  { code: 'minimal', label: 'Minimal disability', min: 0, max: 20 },
  { code: 'moderate', label: 'Moderate disability', min: 21, max: 40 },
  { code: 'severe', label: 'Severe disability', min: 41, max: 60 },
  { code: 'crippled', label: 'Crippled', min: 61, max: 80 },
  { code: 'bed-bound', label: 'Bed-bound or exaggerating symptoms', min: 81, max: 100 },
] as const;
export type OdiBand = (typeof ODI_BANDS)[number]['code'];
export const ODI_BAND_CODES = codesOf(ODI_BANDS);
export const ODI_BAND_LABELS = labelsOf(ODI_BANDS);

/** Band of an ODI score (0-100; see ODI_BANDS for decimals). Throws RangeError outside 0-100. */
export function odiBand(score: number): OdiBand {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`ODI score must be a number from 0 to 100; got ${String(score)}`);
  }
  for (const band of ODI_BANDS) {
    if (score <= band.max) return band.code;
  }
  return 'bed-bound'; // unreachable: score <= 100 is caught above
}

// ---- Scoring ----

export interface OdiResult {
  /** Percentage, one decimal; null when not scored. */
  readonly score: number | null;
  readonly answered: number;
  readonly missing: number;
  /** Sum of the answered sections (0-50). */
  readonly sum: number;
  readonly band: OdiBand | null;
  /** Why the score is null; null when scored. */
  readonly reason: string | null;
}

/**
 * Scores ten section answers, in ODI_SECTIONS order, each 0-5 or null (unanswered or, for sex life,
 * not applicable). At most one missing section (a skipped sex-life section counts as that one).
 * score = sum / (5 x answered) x 100, rounded to one decimal (16/50 -> 32.0, 16/45 -> 35.6).
 *
 * Throws RangeError unless there are exactly 10 answers, each null or an integer from 0 to 5.
 */
export function scoreOdi(answers: readonly (number | null)[]): OdiResult {
  if (answers.length !== ODI_SECTION_COUNT) {
    throw new RangeError(`The ODI has ${ODI_SECTION_COUNT} sections; got ${answers.length} answers`);
  }
  let answered = 0;
  let sum = 0;
  answers.forEach((a, i) => {
    if (a == null) return;
    if (!Number.isInteger(a) || a < ODI_ITEM_MIN || a > ODI_ITEM_MAX) {
      throw new RangeError(
        `ODI section ${i + 1} (${ODI_SECTIONS[i]?.title ?? '?'}) must be an integer from ${ODI_ITEM_MIN} to ${ODI_ITEM_MAX} or empty; got ${String(a)}`,
      );
    }
    answered += 1;
    sum += a;
  });
  const missing = ODI_SECTION_COUNT - answered;
  if (missing > ODI_MAX_MISSING) {
    return {
      score: null,
      answered,
      missing,
      sum,
      band: null,
      reason: `${missing} sections unanswered: the ODI is scored only when at most one section is missing`,
    };
  }
  // sum / (5 x answered) x 100 to one decimal = round(sum x 200 / answered) / 10, computed on integers
  // so that no floating-point error moves the rounding (16 x 200 / 9 = 355.5... -> 356 -> 35.6).
  const score = Math.round((sum * 200) / answered) / 10;
  return { score, answered, missing, sum, band: odiBand(score), reason: null };
}

/** Answers keyed by section id (missing keys are unanswered), in ODI_SECTIONS order for scoreOdi(). */
export function odiAnswersFromRecord(
  record: Partial<Readonly<Record<OdiSectionId, number | null>>>,
): (number | null)[] {
  return ODI_SECTIONS.map((s) => record[s.id] ?? null);
}

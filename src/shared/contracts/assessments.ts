import * as z from 'zod';
import { NRS_MAX, NRS_MIN } from '../domain/pain';
import { ODI_ITEM_MAX, ODI_ITEM_MIN, ODI_SECTION_COUNT } from '../domain/odi';
import { RED_FLAG_CODES } from '../domain/red-flags';
import { BODY_REGIONS, DERMATOMES, ONSETS, SIDES, SYMPTOM_TYPES } from '../domain/symptoms';
import { Id, IsoDateTime, Version } from './common';

export const SymptomType = z.enum(SYMPTOM_TYPES);
export const Side = z.enum(SIDES);
export const BodyRegion = z.enum(BODY_REGIONS);
export const Dermatome = z.enum(DERMATOMES);
export const Onset = z.enum(ONSETS);
export const RedFlagCode = z.enum(RED_FLAG_CODES);

/** The form takes whole numbers 0-10 (one keystroke each); imported data may carry decimals (never rounded). */
export const NrsInput = z
  .number({ error: 'Enter a score from 0 to 10' })
  .int('Enter a whole number from 0 to 10')
  .min(NRS_MIN, 'Enter a score from 0 to 10')
  .max(NRS_MAX, 'Enter a score from 0 to 10');

export const SymptomEntry = z.object({
  type: SymptomType,
  side: Side.nullable().default(null),
  regions: z.array(BodyRegion).max(BODY_REGIONS.length).default([]),
  dermatomes: z.array(Dermatome).max(DERMATOMES.length).default([]),
  onset: Onset.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type SymptomEntry = z.infer<typeof SymptomEntry>;

export const OdiAnswer = z.number().int().min(ODI_ITEM_MIN).max(ODI_ITEM_MAX).nullable();

export const NewAssessmentBody = z
  .object({
    /** When the assessment was taken; defaults to now; never in the future. */
    recordedAt: IsoDateTime.optional(),
    backNrs: NrsInput.nullable().default(null),
    legNrs: NrsInput.nullable().default(null),
    symptoms: z.array(SymptomEntry).max(20).default([]),
    /** Whether the red-flag screen was asked; `redFlags` lists the flags answered "yes". */
    redFlagsScreened: z.boolean().default(false),
    redFlags: z.array(RedFlagCode).max(RED_FLAG_CODES.length).default([]),
    odiAnswers: z.array(OdiAnswer).length(ODI_SECTION_COUNT, `The ODI has ${ODI_SECTION_COUNT} sections`).nullable().default(null),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    // Back and leg are recorded separately and both are required for a pain entry (QOD, NORspine, SENZA, PROCESS).
    if ((b.backNrs === null) !== (b.legNrs === null)) {
      ctx.addIssue({ code: 'custom', path: [b.backNrs === null ? 'backNrs' : 'legNrs'], message: 'Enter both back and leg pain' });
    }
    const hasContent = b.backNrs !== null || b.symptoms.length > 0 || b.redFlagsScreened || b.odiAnswers !== null || (b.note ?? '') !== '';
    if (!hasContent) ctx.addIssue({ code: 'custom', path: ['backNrs'], message: 'Record pain scores, symptoms, the red-flag screen or the ODI' });
    if (b.redFlags.length > 0 && !b.redFlagsScreened) ctx.addIssue({ code: 'custom', path: ['redFlagsScreened'], message: 'Red flags need the screen to be marked as asked' });
    if (b.recordedAt && Date.parse(b.recordedAt) > Date.now() + 5 * 60_000) ctx.addIssue({ code: 'custom', path: ['recordedAt'], message: 'An assessment cannot be in the future' });
  });
export type NewAssessmentBody = z.input<typeof NewAssessmentBody>;

export const Assessment = z.object({
  id: Id,
  patientId: Id,
  recordedAt: IsoDateTime,
  recordedById: Id.nullable(),
  recordedBy: z.string().nullable(),
  backNrs: z.number().nullable(),
  legNrs: z.number().nullable(),
  /** Imported scores without a body site (chart: its own series). */
  unspecifiedNrs: z.number().nullable(),
  symptoms: z.array(SymptomEntry),
  redFlagsScreened: z.boolean(),
  redFlags: z.array(RedFlagCode),
  odiAnswers: z.array(OdiAnswer).nullable(),
  odiScore: z.number().nullable(),
  note: z.string().nullable(),
  source: z.enum(['form', 'fhir', 'seed']),
  enteredInError: z.boolean(),
  enteredInErrorReason: z.string().nullable(),
  version: Version,
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentList = z.object({ items: z.array(Assessment) });
export type AssessmentList = z.infer<typeof AssessmentList>;

export const AssessmentParams = z.object({ id: Id, assessmentId: Id });

export const RedFlagAlert = z.object({
  id: Id,
  assessmentId: Id,
  flags: z.array(RedFlagCode),
  raisedAt: IsoDateTime,
  raisedBy: z.string().nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  actionTaken: z.string().nullable(),
  version: Version,
});
export type RedFlagAlert = z.infer<typeof RedFlagAlert>;
export const RedFlagAlertList = z.object({ items: z.array(RedFlagAlert) });

export const AcknowledgeRedFlagBody = z.object({
  version: Version,
  actionTaken: z.string().trim().min(3, 'Describe the action taken').max(1000),
});
export type AcknowledgeRedFlagBody = z.infer<typeof AcknowledgeRedFlagBody>;
export const RedFlagParams = z.object({ id: Id, alertId: Id });

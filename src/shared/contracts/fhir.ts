import * as z from 'zod';
import { Id, IsoDate } from './common';

/**
 * FHIR R4 interoperability (issue 8): the import preview and report of `POST /api/fhir-import[/preview]`.
 * The export (`GET /api/patients/:id/fhir`) and the read-only `/fhir` endpoint answer with FHIR resources,
 * which have no zod contract here: they are checked against the official R4 definitions in the specs.
 */

export const FHIR_JSON_CONTENT_TYPE = 'application/fhir+json';

/** Largest bundle the import accepts (the server's general body limit does not apply to the import routes). */
export const FHIR_IMPORT_MAX_MB = 40;
export const FHIR_IMPORT_MAX_BYTES = FHIR_IMPORT_MAX_MB * 1024 * 1024;

/** Bundle types that carry resources to import; history, document, message and *-response bundles are refused. */
export const FHIR_IMPORT_BUNDLE_TYPES = ['transaction', 'batch', 'collection', 'searchset'] as const;
export type FhirImportBundleType = (typeof FHIR_IMPORT_BUNDLE_TYPES)[number];

/** At most this many issues of each severity are listed; the rest are counted in `issuesOmitted`. */
export const FHIR_IMPORT_MAX_LISTED_ISSUES = 200;

/** What happened (or, in a preview, would happen) to one entry of the bundle. */
export const FHIR_ENTRY_OUTCOMES = ['created', 'updated', 'unchanged', 'skipped', 'rejected'] as const;
export type FhirEntryOutcome = (typeof FHIR_ENTRY_OUTCOMES)[number];

/** Entry counts for one resource type; every entry is counted in exactly one of the outcome columns. */
export const FhirTypeCounts = z.object({
  resourceType: z.string(),
  received: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  skipped: z.number().int().min(0),
  rejected: z.number().int().min(0),
});
export type FhirTypeCounts = z.infer<typeof FhirTypeCounts>;

/** A problem with one entry: `error` = the entry was rejected; `warning` = skipped or adapted, with the reason. */
export const FhirEntryIssue = z.object({
  /** Position in Bundle.entry (0-based); null for problems of the bundle as a whole. */
  index: z.number().int().min(0).nullable(),
  fullUrl: z.string().nullable(),
  resourceType: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type FhirEntryIssue = z.infer<typeof FhirEntryIssue>;

export const FhirImportPatient = z.object({
  familyName: z.string(),
  givenName: z.string(),
  /** The clinic MRN the patient is (or will be) stored under. */
  mrn: z.string(),
  dateOfBirth: IsoDate,
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  /** `system|value` of the identifier in the sending system, kept for re-import matching. */
  sourceIdentifier: z.string(),
  /** new: a patient will be created; mrn / source-identifier: an existing patient matched that way. */
  match: z.enum(['new', 'mrn', 'source-identifier']),
  existingPatientId: Id.nullable(),
});
export type FhirImportPatient = z.infer<typeof FhirImportPatient>;

const ImportSummary = z.object({
  bundleType: z.enum(FHIR_IMPORT_BUNDLE_TYPES),
  entries: z.number().int().min(0),
  patient: FhirImportPatient,
  /** An FBSS / post-laminectomy syndrome diagnosis (ICD-10-CM M96.1, SNOMED 27151001 / 202725007) is in the bundle. */
  fbssDiagnosis: z.boolean(),
  counts: z.array(FhirTypeCounts),
  totals: FhirTypeCounts.omit({ resourceType: true }),
  issues: z.array(FhirEntryIssue),
  issuesOmitted: z.number().int().min(0),
});

/** `POST /api/fhir-import/preview`: what an import would do; nothing is written. */
export const FhirImportPreview = ImportSummary.extend({ maxBytes: z.number().int() });
export type FhirImportPreview = z.infer<typeof FhirImportPreview>;

/** `POST /api/fhir-import`: what the import did (one transaction: all of it or nothing). */
export const FhirImportReport = ImportSummary.extend({ patientId: Id, patientCreated: z.boolean() });
export type FhirImportReport = z.infer<typeof FhirImportReport>;

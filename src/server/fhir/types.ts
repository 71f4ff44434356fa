/**
 * The parts of FHIR R4 (4.0.1) the clinic writes. Only what the export and the read API produce is typed;
 * what comes in is untrusted JSON read through the accessors in ./json.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
  extension?: Extension[];
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference?: string;
  display?: string;
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}
export interface Quantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}
export interface Period {
  start?: string;
  end?: string;
}
export interface Annotation {
  text: string;
}
export interface Extension {
  url: string;
  valueBoolean?: boolean;
  valueDate?: string;
  valueDecimal?: number;
  valueInteger?: number;
}

export interface ResourceBase {
  resourceType: string;
  id?: string;
  meta?: { lastUpdated?: string };
}

/** A resource the clinic serves: it always has an id. */
export interface IdentifiedResource extends ResourceBase {
  id: string;
}

export interface Patient extends IdentifiedResource {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: { use?: 'official' | 'usual'; family?: string; given?: string[] }[];
  telecom?: { system: 'phone' | 'email'; value: string; use?: 'home' | 'mobile' | 'work' }[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
}

export interface ServiceRequest extends IdentifiedResource {
  resourceType: 'ServiceRequest';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'order';
  category?: CodeableConcept[];
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  subject: Reference;
  authoredOn?: string;
  requester?: Reference;
  reasonCode?: CodeableConcept[];
  supportingInfo?: Reference[];
}

export interface Procedure extends IdentifiedResource {
  resourceType: 'Procedure';
  extension?: Extension[];
  status: 'completed';
  code: CodeableConcept;
  subject: Reference;
  performedDateTime?: string;
  performer?: { actor: Reference }[];
  location?: Reference;
  bodySite?: CodeableConcept[];
  focalDevice?: { manipulated: Reference }[];
}

export interface Condition extends IdentifiedResource {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  recordedDate?: string;
  note?: Annotation[];
}

export interface Observation extends IdentifiedResource {
  resourceType: 'Observation';
  status: 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueQuantity: Quantity;
  bodySite?: CodeableConcept;
  derivedFrom?: Reference[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: { valueCoding: Coding }[];
}
export interface QuestionnaireResponse extends IdentifiedResource {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed';
  subject: Reference;
  authored: string;
  item: QuestionnaireResponseItem[];
}

export interface Goal extends IdentifiedResource {
  resourceType: 'Goal';
  lifecycleStatus: 'active';
  description: CodeableConcept;
  subject: Reference;
  target?: { measure: CodeableConcept; detailQuantity?: Quantity }[];
}

export interface CarePlanActivity {
  progress?: Annotation[];
  detail: {
    extension?: Extension[];
    code: CodeableConcept;
    reasonCode?: CodeableConcept[];
    reasonReference?: Reference[];
    status:
      | 'not-started'
      | 'scheduled'
      | 'in-progress'
      | 'on-hold'
      | 'completed'
      | 'cancelled'
      | 'stopped'
      | 'unknown'
      | 'entered-in-error';
    statusReason?: CodeableConcept;
    scheduledPeriod?: Period;
  };
}
export interface CarePlan extends IdentifiedResource {
  resourceType: 'CarePlan';
  contained?: Goal[];
  status: 'active' | 'completed' | 'revoked';
  intent: 'plan';
  category: CodeableConcept[];
  subject: Reference;
  created?: string;
  addresses?: Reference[];
  goal?: Reference[];
  activity?: CarePlanActivity[];
}

export type ClinicalResource = Patient | ServiceRequest | Procedure | Condition | Observation | QuestionnaireResponse | CarePlan;

export interface BundleEntry<R extends ResourceBase = IdentifiedResource> {
  fullUrl?: string;
  resource: R;
  search?: { mode: 'match' | 'include' };
}

export interface Bundle<R extends ResourceBase = IdentifiedResource> extends ResourceBase {
  resourceType: 'Bundle';
  type: 'collection' | 'searchset';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry: BundleEntry<R>[];
}

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics?: string;
  expression?: string[];
}
export interface OperationOutcome extends ResourceBase {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

import { type AbstractControl, FormArray, FormControl, FormGroup } from '@angular/forms';
import { NewAssessmentBody, SymptomEntry } from '@shared/contracts/assessments';
import { type FieldError, fieldErrorsFromIssues } from '@shared/contracts/problem';
import { ODI_SECTIONS } from '@shared/domain/odi';
import { RED_FLAG_CODES, type RedFlagCode } from '@shared/domain/red-flags';
import type { Onset, Side, SymptomType } from '@shared/domain/symptoms';
import { zodValidator } from '../../shared/forms/zod-validator';
import { type ZoneId, locationOfZones } from '../../shared/ui/body-diagram/body-zones';

export type YesNo = 'yes' | 'no';

export interface SymptomControls {
  type: FormControl<SymptomType | null>;
  side: FormControl<Side | null>;
  /** Picked on the body diagram or the list; sent as regions and dermatomes. */
  zones: FormControl<ZoneId[]>;
  onset: FormControl<Onset | null>;
  note: FormControl<string>;
}

export type RedFlagControls = Record<RedFlagCode, FormControl<YesNo | null>>;

export interface AssessmentControls {
  backNrs: FormControl<number | null>;
  legNrs: FormControl<number | null>;
  symptoms: FormArray<FormGroup<SymptomControls>>;
  /** One yes/no per red flag (RED_FLAGS); all unanswered means the screen was not done. */
  redFlags: FormGroup<RedFlagControls>;
  /** One answer (0-5) per ODI section, in ODI_SECTIONS order; null is unanswered. */
  odi: FormArray<FormControl<number | null>>;
  note: FormControl<string>;
}

export type AssessmentForm = FormGroup<AssessmentControls>;
export type AssessmentFormValue = ReturnType<AssessmentForm['getRawValue']>;
export type SymptomFormValue = AssessmentFormValue['symptoms'][number];

export function createSymptomGroup(): FormGroup<SymptomControls> {
  return new FormGroup<SymptomControls>({
    type: new FormControl<SymptomType | null>(null),
    side: new FormControl<Side | null>(null),
    zones: new FormControl<ZoneId[]>([], { nonNullable: true }),
    onset: new FormControl<Onset | null>(null),
    note: new FormControl('', { nonNullable: true, validators: zodValidator(SymptomEntry.shape.note) }),
  });
}

export function createAssessmentForm(): AssessmentForm {
  const redFlags = Object.fromEntries(RED_FLAG_CODES.map((code) => [code, new FormControl<YesNo | null>(null)])) as RedFlagControls;
  return new FormGroup<AssessmentControls>({
    backNrs: new FormControl<number | null>(null),
    legNrs: new FormControl<number | null>(null),
    symptoms: new FormArray<FormGroup<SymptomControls>>([]),
    redFlags: new FormGroup<RedFlagControls>(redFlags),
    odi: new FormArray(ODI_SECTIONS.map(() => new FormControl<number | null>(null))),
    note: new FormControl('', { nonNullable: true, validators: zodValidator(NewAssessmentBody.shape.note) }),
  });
}

export interface RedFlagScreen {
  readonly answered: number;
  readonly total: number;
  /** Flags answered yes, in RED_FLAGS order. */
  readonly yes: RedFlagCode[];
  readonly started: boolean;
  /** Every question answered: the screen counts as done ('redFlagsScreened'). */
  readonly complete: boolean;
}

export function redFlagScreen(answers: Partial<Record<RedFlagCode, YesNo | null>>): RedFlagScreen {
  const answered = RED_FLAG_CODES.filter((code) => answers[code] != null).length;
  return {
    answered,
    total: RED_FLAG_CODES.length,
    yes: RED_FLAG_CODES.filter((code) => answers[code] === 'yes'),
    started: answered > 0,
    complete: answered === RED_FLAG_CODES.length,
  };
}

/** A symptom as sent; a missing type stays null, for the contract to catch and show next to the field. */
type SymptomBody = Omit<SymptomEntry, 'type'> & { type: SymptomType | null };

function symptomBody(symptom: SymptomFormValue): SymptomBody {
  const { regions, dermatomes } = locationOfZones(symptom.zones);
  return {
    type: symptom.type,
    side: symptom.side,
    regions,
    dermatomes,
    onset: symptom.onset,
    note: symptom.note.trim() || null,
  };
}

/** The request body for the form's value (NewAssessmentBody), taken at `recordedAt`. */
export function toAssessmentBody(
  value: AssessmentFormValue,
  recordedAt: string,
): Omit<NewAssessmentBody, 'symptoms'> & { symptoms: SymptomBody[] } {
  const screen = redFlagScreen(value.redFlags);
  return {
    recordedAt,
    backNrs: value.backNrs,
    legNrs: value.legNrs,
    symptoms: value.symptoms.map(symptomBody),
    redFlagsScreened: screen.complete,
    redFlags: screen.complete ? screen.yes : [],
    odiAnswers: value.odi.some((answer) => answer !== null) ? [...value.odi] : null,
    note: value.note.trim() || null,
  };
}

/** Where a field error of the API (a body path) shows in the form (a control path). */
export function formPath(apiPath: string): string {
  const symptomLocation = /^(symptoms\.\d+)\.(regions|dermatomes)(\.\d+)?$/.exec(apiPath);
  if (symptomLocation) return `${symptomLocation[1]}.zones`;
  if (/^redFlags(Screened)?(\.\d+)?$/.test(apiPath)) return 'redFlags';
  if (apiPath.startsWith('odiAnswers')) return apiPath.replace(/^odiAnswers/, 'odi');
  return apiPath;
}

const FRIENDLY: readonly [RegExp, string][] = [
  [/^symptoms\.\d+\.type$/, 'Choose the kind of symptom'],
  [/^symptoms\.\d+\.side$/, 'Choose left, right, bilateral or midline'],
  [/^symptoms\.\d+\.onset$/, 'Choose when it started'],
  [/^symptoms\.\d+\.zones$/, 'Check the locations'],
];

/** The contract's message, or a plainer one where the contract's is technical (an unknown option). */
function friendly(path: string, message: string): string {
  if (!/^Invalid (option|input)/.test(message)) return message;
  return FRIENDLY.find(([pattern]) => pattern.test(path))?.[1] ?? message;
}

/** API field errors (dotted body paths) as form field errors. */
export function toFormErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    const path = formPath(error.path);
    return { path, message: friendly(path, error.message) };
  });
}

export const RED_FLAGS_UNFINISHED = 'Answer every red-flag question, or press "No to the rest" when the others are no.';

/**
 * Checks the form by the shared contract (NewAssessmentBody: NRS 0-10, back and leg together, known
 * codes, lengths...) plus the red-flag screen being finished once started. Returns the body to send,
 * or the errors by form path.
 */
export function validateAssessment(
  value: AssessmentFormValue,
  recordedAt: string,
): { body: NewAssessmentBody | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const screen = redFlagScreen(value.redFlags);
  if (screen.started && !screen.complete) errors.push({ path: 'redFlags', message: RED_FLAGS_UNFINISHED });
  const body = toAssessmentBody(value, recordedAt);
  const parsed = NewAssessmentBody.safeParse(body);
  if (!parsed.success) errors.push(...toFormErrors(fieldErrorsFromIssues(parsed.error.issues)));
  // One message per field: the first.
  const unique = errors.filter((error, i) => errors.findIndex((other) => other.path === error.path) === i);
  // Valid by the contract: every symptom has its type. The body is sent as built (the server applies defaults).
  return { body: unique.length || !parsed.success ? null : { ...body, symptoms: parsed.data.symptoms }, errors: unique };
}

/**
 * Puts field errors on the form's controls as `{ server: message }` (they clear when the field
 * changes). Returns the errors no control took, to show with the form.
 */
export function applyFormErrors(form: AbstractControl, errors: readonly FieldError[]): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const control = error.path ? form.get(error.path) : null;
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(error);
    }
  }
  return unplaced;
}

/** The message of a control's first error (from the contract or the server). */
export function errorOf(control: AbstractControl | null): string | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  if (typeof errors['zod'] === 'string') return errors['zod'];
  return 'Check this value';
}

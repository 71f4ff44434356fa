import { RED_FLAG_CODES } from '@shared/domain/red-flags';
import {
  RED_FLAGS_UNFINISHED,
  applyFormErrors,
  createAssessmentForm,
  createSymptomGroup,
  errorOf,
  formPath,
  redFlagScreen,
  toAssessmentBody,
  validateAssessment,
} from './assessment-form';

const AT = '2026-05-01T09:00:00.000Z';

describe('the assessment form', () => {
  it('makes a pain-only entry from two scores', () => {
    const form = createAssessmentForm();
    form.patchValue({ backNrs: 7, legNrs: 8 });
    const { body, errors } = validateAssessment(form.getRawValue(), AT);
    expect(errors).toEqual([]);
    expect(body).toEqual({
      recordedAt: AT,
      backNrs: 7,
      legNrs: 8,
      symptoms: [],
      redFlagsScreened: false,
      redFlags: [],
      odiAnswers: null,
      note: null,
    });
  });

  it('needs both back and leg pain (the contract’s rule), shown at the missing one', () => {
    const form = createAssessmentForm();
    form.patchValue({ backNrs: 7 });
    expect(validateAssessment(form.getRawValue(), AT)).toEqual({
      body: null,
      errors: [{ path: 'legNrs', message: 'Enter both back and leg pain' }],
    });
  });

  it('refuses an empty assessment', () => {
    const { errors } = validateAssessment(createAssessmentForm().getRawValue(), AT);
    expect(errors).toEqual([{ path: 'backNrs', message: 'Record pain scores, symptoms, the red-flag screen or the ODI' }]);
  });

  it('sends a symptom’s location as its side, regions and dermatomes', () => {
    const form = createAssessmentForm();
    const symptom = createSymptomGroup();
    symptom.setValue({
      type: 'numbness',
      side: 'left',
      zones: ['left:L5', 'left:foot'],
      onset: 'new-after-surgery',
      note: '  since March ',
    });
    form.controls.symptoms.push(symptom);
    form.patchValue({ backNrs: 7, legNrs: 8 });
    const { body } = validateAssessment(form.getRawValue(), AT);
    expect(body?.symptoms).toEqual([
      { type: 'numbness', side: 'left', regions: ['foot'], dermatomes: ['L5'], onset: 'new-after-surgery', note: 'since March' },
    ]);
  });

  it('asks for the kind of a symptom in plain words', () => {
    const form = createAssessmentForm();
    form.controls.symptoms.push(createSymptomGroup());
    const { errors } = validateAssessment(form.getRawValue(), AT);
    expect(errors).toContain({ path: 'symptoms.0.type', message: 'Choose the kind of symptom' });
  });

  it('sends the red-flag screen as done only when every question is answered, with the yes flags', () => {
    const form = createAssessmentForm();
    for (const code of RED_FLAG_CODES) form.controls.redFlags.controls[code].setValue('no');
    form.controls.redFlags.controls['saddle-numbness'].setValue('yes');
    const { body, errors } = validateAssessment(form.getRawValue(), AT);
    expect(errors).toEqual([]);
    expect(body?.redFlagsScreened).toBeTrue();
    expect(body?.redFlags).toEqual(['saddle-numbness']);
  });

  it('does not save a half-finished red-flag screen (a yes is never dropped)', () => {
    const form = createAssessmentForm();
    form.patchValue({ backNrs: 3, legNrs: 4 });
    form.controls.redFlags.controls.fever.setValue('yes');
    const { body, errors } = validateAssessment(form.getRawValue(), AT);
    expect(body).toBeNull();
    expect(errors).toEqual([{ path: 'redFlags', message: RED_FLAGS_UNFINISHED }]);
    expect(redFlagScreen(form.getRawValue().redFlags)).toEqual(
      jasmine.objectContaining({ answered: 1, total: RED_FLAG_CODES.length, yes: ['fever'], started: true, complete: false }),
    );
  });

  it('sends the ODI answers only when some are given, unanswered sections as null', () => {
    const form = createAssessmentForm();
    expect(toAssessmentBody(form.getRawValue(), AT).odiAnswers).toBeNull();
    form.controls.odi.setValue([2, 1, 2, 2, 2, 2, 2, 1, 2, null]);
    const { body } = validateAssessment(form.getRawValue(), AT);
    expect(body?.odiAnswers).toEqual([2, 1, 2, 2, 2, 2, 2, 1, 2, null]);
  });

  it('maps the API’s field paths to the form’s', () => {
    expect(formPath('backNrs')).toBe('backNrs');
    expect(formPath('symptoms.0.type')).toBe('symptoms.0.type');
    expect(formPath('symptoms.1.dermatomes.0')).toBe('symptoms.1.zones');
    expect(formPath('symptoms.1.regions')).toBe('symptoms.1.zones');
    expect(formPath('redFlags.1')).toBe('redFlags');
    expect(formPath('redFlagsScreened')).toBe('redFlags');
    expect(formPath('odiAnswers.3')).toBe('odi.3');
    expect(formPath('recordedAt')).toBe('recordedAt');
  });

  it('puts server errors on their fields, and returns those no field takes', () => {
    const form = createAssessmentForm();
    const unplaced = applyFormErrors(form, [
      { path: 'legNrs', message: 'Enter a score from 0 to 10' },
      { path: 'recordedAt', message: 'An assessment cannot be in the future' },
    ]);
    expect(errorOf(form.controls.legNrs)).toBe('Enter a score from 0 to 10');
    expect(unplaced).toEqual([{ path: 'recordedAt', message: 'An assessment cannot be in the future' }]);
    // Changing the field clears its error.
    form.controls.legNrs.setValue(5);
    expect(errorOf(form.controls.legNrs)).toBeNull();
  });

  it('limits notes by the contract', () => {
    const form = createAssessmentForm();
    form.controls.note.setValue('x'.repeat(2001));
    expect(errorOf(form.controls.note)).toBeTruthy();
  });
});

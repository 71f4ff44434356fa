import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { ODI_SECTIONS } from '@shared/domain/odi';
import { CLOCK } from '../../core/clock';
import { AssessmentOutbox } from '../outbox/assessment-outbox';
import { PATIENT_ID, aPatientRecord } from '../testing/builders';
import { type SubmissionState, assessmentsFeature } from '../state/assessments.feature';
import { RecordAssessmentPageActions } from '../state/record-assessment-page.actions';
import { RecordAssessmentPage } from './record-assessment-page';

const NOW = Date.parse('2026-05-01T09:00:00.000Z');
const IDLE: SubmissionState = { key: null, status: 'idle', message: null, failure: null };

describe('RecordAssessmentPage', () => {
  let fixture: ComponentFixture<RecordAssessmentPage>;
  let element: HTMLElement;
  let store: MockStore;
  let loader: HarnessLoader;

  function group(label: string): HTMLElement {
    const labelled = [...element.querySelectorAll<HTMLElement>('app-nrs-input [role="radiogroup"]')].find(
      (g) => element.querySelector(`#${g.getAttribute('aria-labelledby') ?? ''}`)?.textContent.trim() === label,
    );
    if (!labelled) throw new Error(`no ${label} group`);
    return labelled;
  }

  function radio(label: string, score: number): HTMLInputElement {
    return group(label).querySelectorAll<HTMLInputElement>('input[type="radio"]')[score];
  }

  async function press(key: string, target: Element | null = document.activeElement): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target?.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  function saveButton(): HTMLButtonElement {
    const button = [...element.querySelectorAll<HTMLButtonElement>('button[type="submit"]')].find((b) =>
      b.textContent.includes('Save assessment'),
    );
    if (!button) throw new Error('no save button');
    return button;
  }

  function submitted(): ReturnType<typeof RecordAssessmentPageActions.submitted> | undefined {
    const calls = (store.dispatch as jasmine.Spy).calls.allArgs().map(([action]) => action as { type: string });
    return calls.find((action) => action.type === RecordAssessmentPageActions.submitted.type) as
      | ReturnType<typeof RecordAssessmentPageActions.submitted>
      | undefined;
  }

  async function render(submission: SubmissionState = IDLE): Promise<void> {
    store.overrideSelector(assessmentsFeature.selectSubmission, submission);
    fixture = TestBed.createComponent(RecordAssessmentPage);
    fixture.componentRef.setInput('id', PATIENT_ID);
    element = fixture.nativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RecordAssessmentPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          selectors: [
            { selector: assessmentsFeature.selectPatient, value: aPatientRecord() },
            { selector: assessmentsFeature.selectPatientError, value: null },
          ],
        }),
        { provide: CLOCK, useValue: { now: () => NOW } },
        {
          provide: AssessmentOutbox,
          useValue: { entries: signal([]), storageWorks: signal(true), retryNow: () => undefined, discard: () => undefined },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
    element.remove();
  });

  it('opens with the patient’s name and MRN, and back pain focused', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(RecordAssessmentPageActions.opened({ patientId: PATIENT_ID }));
    expect(element.textContent).toContain('Okafor, Ada');
    expect(element.textContent).toContain('MRN MRN-77');
    expect(document.activeElement).toBe(radio('Back pain', 0));
  });

  it('records a pain-only entry with 7, 8, Enter: each digit moves the focus on', async () => {
    await render();
    await press('7');
    expect(radio('Back pain', 7).checked).toBeTrue();
    expect(document.activeElement).toBe(radio('Leg pain', 0));
    await press('8');
    expect(radio('Leg pain', 8).checked).toBeTrue();
    expect(document.activeElement).toBe(saveButton());
    // Enter on the focused submit button clicks it.
    saveButton().click();
    await fixture.whenStable();
    expect(submitted()).toEqual(
      RecordAssessmentPageActions.submitted({
        patientId: PATIENT_ID,
        patientLabel: 'Okafor, Ada (MRN MRN-77)',
        returnUrl: `/patients/${PATIENT_ID}`,
        body: {
          recordedAt: '2026-05-01T09:00:00.000Z',
          backNrs: 7,
          legNrs: 8,
          symptoms: [],
          redFlagsScreened: false,
          redFlags: [],
          odiAnswers: null,
          note: null,
        },
      }),
    );
  });

  it('saves with Enter from a score too, and takes X for 10 and 0 for no pain', async () => {
    await render();
    await press('x');
    await press('0');
    expect(radio('Back pain', 10).checked).toBeTrue();
    expect(radio('Leg pain', 0).checked).toBeTrue();
    const enter = await press('Enter', radio('Leg pain', 0));
    expect(enter.defaultPrevented).toBeTrue();
    expect(submitted()?.body).toEqual(jasmine.objectContaining({ backNrs: 10, legNrs: 0 }));
  });

  it('does not save one score alone: the error shows at leg pain, which gets the focus', async () => {
    await render();
    await press('7');
    await press('Enter', radio('Back pain', 7));
    await fixture.whenStable();
    expect(submitted()).toBeUndefined();
    expect(group('Leg pain').getAttribute('aria-invalid')).toBe('true');
    expect(group('Leg pain').textContent).toContain('Enter both back and leg pain');
    expect(group('Leg pain').contains(document.activeElement)).toBeTrue();
    // Choosing leg pain clears the error.
    await press('4', radio('Leg pain', 0));
    expect(group('Leg pain').getAttribute('aria-invalid')).toBeNull();
  });

  it('says what to record when nothing is entered', async () => {
    await render();
    saveButton().click();
    await fixture.whenStable();
    expect(submitted()).toBeUndefined();
    expect(group('Back pain').textContent).toContain('Record pain scores, symptoms, the red-flag screen or the ODI');
  });

  it('opens the symptoms with a first symptom; a dermatome picked on the diagram sets the side', async () => {
    await render();
    const symptoms = await loader.getHarness(MatExpansionPanelHarness.with({ title: 'Symptoms and location' }));
    await symptoms.expand();
    await fixture.whenStable();
    const type = await loader.getHarness(MatRadioGroupHarness.with({ selector: '.symptom mat-radio-group' }));
    await type.checkRadioButton({ label: 'Numbness' });
    element.querySelector('[role="checkbox"][aria-label^="Left L5 dermatome"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await fixture.whenStable();
    expect(element.querySelector('[role="checkbox"][aria-label^="Left L5 dermatome"]')?.getAttribute('aria-checked')).toBe('true');
    await press('7', radio('Back pain', 0));
    await press('8');
    saveButton().click();
    await fixture.whenStable();
    expect(submitted()?.body.symptoms).toEqual([
      { type: 'numbness', side: 'left', regions: [], dermatomes: ['L5'], onset: null, note: null },
    ]);
  });

  it('shows the red-flag action for a yes and will not save a half-answered screen', async () => {
    await render();
    const screen = await loader.getHarness(MatExpansionPanelHarness.with({ title: 'Red-flag screen' }));
    await screen.expand();
    const saddle = await loader.getHarness(MatRadioGroupHarness.with({ selector: '[aria-labelledby="flag-saddle-numbness"]' }));
    await saddle.checkRadioButton({ label: 'Yes' });
    expect(element.textContent).toContain('Red flag: saving raises an urgent alert');
    expect(element.textContent).toContain('Emergency same-day MRI and spinal surgical referral');
    saveButton().click();
    await fixture.whenStable();
    expect(submitted()).toBeUndefined();
    expect(element.textContent).toContain('Answer every red-flag question');
    // "No to the rest" finishes the screen.
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.includes('No to the rest'))?.click();
    await fixture.whenStable();
    saveButton().click();
    await fixture.whenStable();
    expect(submitted()?.body).toEqual(jasmine.objectContaining({ redFlagsScreened: true, redFlags: ['saddle-numbness'] }));
  });

  it('scores the ODI live, and says why it is not scored', async () => {
    await render();
    const odi = await loader.getHarness(MatExpansionPanelHarness.with({ title: 'Oswestry Disability Index (ODI)' }));
    await odi.expand();
    const answers = [2, 1, 2, 2, 2, 2, 2, 1, 2];
    for (const [i, score] of answers.entries()) {
      const section = await loader.getHarness(MatRadioGroupHarness.with({ selector: `[aria-labelledby="odi-${ODI_SECTIONS[i].id}"]` }));
      await section.checkRadioButton({ label: ODI_SECTIONS[i].statements[score] });
    }
    const status = (): string => element.querySelector('.odi-score')?.textContent.replace(/\s+/g, ' ') ?? '';
    expect(status()).toContain('ODI 35.6%');
    expect(status()).toContain('Moderate disability');
    expect(status()).toContain('9 of 10 sections answered');
    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent.includes('Clear answer to Pain intensity'))
      ?.click();
    await fixture.whenStable();
    expect(status()).toContain('Not scored');
    expect(status()).toContain('2 sections unanswered');
  });

  it('shows the server’s field errors next to the fields', async () => {
    await render({
      key: 'k',
      status: 'rejected',
      message: 'Check the highlighted fields.',
      failure: {
        status: 400,
        message: 'Check the highlighted fields.',
        fieldErrors: [{ path: 'legNrs', message: 'Enter a score from 0 to 10' }],
      },
    });
    expect(group('Leg pain').textContent).toContain('Enter a score from 0 to 10');
  });

  it('shows a refusal without field errors above the form', async () => {
    await render({
      key: 'k',
      status: 'rejected',
      message: 'Not permitted',
      failure: { status: 403, message: 'Not permitted', fieldErrors: [] },
    });
    expect(element.querySelector('.error-summary')?.textContent).toContain('Not permitted');
  });

  it('when the server cannot be reached, says it waits in Pending and hides the form (never "saved")', async () => {
    await render({ key: 'k', status: 'queued', message: 'The server could not be reached.', failure: null });
    expect(element.textContent).toContain('Not sent yet: waiting in Pending');
    expect(element.textContent).not.toContain('Saved');
    expect(element.querySelector('form')).toBeNull();
  });

  it('says saved once the outbox delivered it', async () => {
    await render({ key: 'k', status: 'saved', message: null, failure: null });
    expect(element.querySelector('.saved')?.textContent).toContain('The server has this assessment now.');
  });
});

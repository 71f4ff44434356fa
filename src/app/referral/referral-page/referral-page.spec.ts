import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { MrnCheckResponse } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import { CLOCK } from '../../core/clock';
import { ReferralPageActions } from '../state/referral-page.actions';
import { referralFeature } from '../state/referral.feature';
import { ReferralPage } from './referral-page';

describe('ReferralPage', () => {
  let fixture: ComponentFixture<ReferralPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  interface View {
    known?: MrnCheckResponse['patient'];
    fieldErrors?: FieldError[];
    error?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(referralFeature.selectKnownPatient, view.known ?? null);
    store.overrideSelector(referralFeature.selectMrnChecking, false);
    store.overrideSelector(referralFeature.selectMrnCheckError, null);
    store.overrideSelector(referralFeature.selectSubmitting, false);
    store.overrideSelector(referralFeature.selectError, view.error ?? null);
    store.overrideSelector(referralFeature.selectFieldErrors, view.fieldErrors ?? []);
    store.overrideSelector(referralFeature.selectRegistered, 0);
    fixture = TestBed.createComponent(ReferralPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const input = (name: string, index = 0) =>
    loader.getAllHarnesses(MatInputHarness.with({ selector: `[formControlName="${name}"]` })).then((all) => all[index]);
  const select = (name: string, index = 0) =>
    loader.getAllHarnesses(MatSelectHarness.with({ selector: `[formControlName="${name}"]` })).then((all) => all[index]);
  const submit = async () => (await loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }))).click();
  const submitted = () =>
    (store.dispatch as jasmine.Spy).calls
      .allArgs()
      .map(([a]) => a as { type: string })
      .filter((a): a is ReturnType<typeof ReferralPageActions.submitted> => a.type === ReferralPageActions.submitted.type);

  async function choose(name: string, text: string, index = 0): Promise<void> {
    const harness = await select(name, index);
    await harness.open();
    await harness.clickOptions({ text });
  }

  async function fillValidForm(): Promise<void> {
    await (await input('mrn')).setValue('MRN-900');
    await (await input('familyName')).setValue('Okafor');
    await (await input('givenName')).setValue('Ada');
    await (await input('dateOfBirth')).setValue('1965-04-12');
    await choose('sex', 'Female');
    await (await input('referringClinician')).setValue('Mr Orth Surgeon');
    await (await input('referredOn')).setValue('2025-05-20');
    await (await input('reason')).setValue('Persistent leg pain after discectomy');
    await choose('procedure', 'Microdiscectomy');
    await choose('levels', 'L5/S1');
    await (await input('performedOn')).setValue('2024-10-02');
    await (await input('surgeon')).setValue('Mr K Osei');
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReferralPage],
      providers: [provideMockStore(), { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } }],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('opens with today as the referral date', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(ReferralPageActions.opened());
    expect(await (await input('referredOn')).getValue()).toBe('01/06/2025');
  });

  it('validates every field with the shared rules and sends nothing while invalid', async () => {
    await render();
    await submit();
    expect(submitted()).toEqual([]);
    const errors = () => [...element().querySelectorAll('mat-error')].map((e) => e.textContent.trim());
    expect(errors().length).toBe(11);
    expect(new Set(errors())).toEqual(new Set(['Required']));
    expect(document.activeElement?.getAttribute('formControlName')).toBe('mrn');
    // A value that breaks a rule gets the rule's own message.
    await (await input('mrn')).setValue('x!');
    await (await input('referringClinician')).setValue('A');
    expect(errors()).toContain('An MRN has at least 3 characters');
    expect(errors()).toContain('Name the referring clinician');
  });

  it('registers patient, referral and index surgery in one submission', async () => {
    await render();
    await fillValidForm();
    await submit();
    const [action] = submitted();
    expect(action.body).toEqual({
      patient: {
        mrn: 'MRN-900',
        familyName: 'Okafor',
        givenName: 'Ada',
        dateOfBirth: '1965-04-12',
        sex: 'female',
        phone: null,
        email: null,
      },
      referral: {
        referringClinician: 'Mr Orth Surgeon',
        referredOn: '2025-05-20',
        reason: 'Persistent leg pain after discectomy',
        priority: 'routine',
      },
      surgeries: [
        {
          procedure: 'MICRODISCECTOMY',
          levels: ['L5-S1'],
          performedOn: '2024-10-02',
          surgeon: 'Mr K Osei',
          hospital: null,
          instrumentation: null,
          isIndex: true,
        },
      ],
    });
    // A retry of the same submission reuses its key; a changed form gets a new one.
    await submit();
    expect(submitted()[1].idempotencyKey).toBe(action.idempotencyKey);
    await (await input('phone')).setValue('0161 1');
    await submit();
    expect(submitted()[2].idempotencyKey).not.toBe(action.idempotencyKey);
  });

  it('marks the chosen surgery as the index surgery', async () => {
    await render();
    await fillValidForm();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add another surgery/ }))).click();
    await choose('procedure', 'Revision fusion', 1);
    await choose('levels', 'L4/L5', 1);
    await (await input('performedOn', 1)).setValue('2025-01-15');
    await (await input('surgeon', 1)).setValue('Ms P Shah');
    await (await loader.getAllHarnesses(MatRadioButtonHarness))[1]?.check();
    await submit();
    expect(submitted()[0]?.body.surgeries.map((s) => s.isIndex)).toEqual([false, true]);
  });

  it("applies the contract's cross-field rules next to the field", async () => {
    await render();
    await fillValidForm();
    await (await input('performedOn')).setValue('2025-05-25');
    await submit();
    expect(submitted()).toEqual([]);
    expect(element().textContent).toContain('The surgery must be before the referral');
  });

  it('warns before saving when the MRN is known: a new episode for that patient', async () => {
    await render({ known: { id: 'p1', familyName: 'Okafor', givenName: 'Ada', dateOfBirth: '1965-04-12', referrals: 2 } });
    expect(element().querySelector('.known')?.textContent).toContain(
      'This MRN belongs to Okafor, Ada, born 12 Apr 1965: saving adds a new referral episode to that patient.',
    );
    expect(await (await loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }))).getText()).toBe('Add referral episode');
    expect(await (await input('familyName')).getValue()).toBe('Okafor');
  });

  it('reports MRN changes for checking', async () => {
    await render();
    await (await input('mrn')).setValue('MRN42');
    expect(store.dispatch).toHaveBeenCalledWith(ReferralPageActions.mrnChanged({ mrn: 'MRN42' }));
  });

  it("shows the server's field errors (400) next to the fields and the rest with the form", async () => {
    await render({
      fieldErrors: [
        { path: 'surgeries.0.performedOn', message: 'The surgery cannot be before the date of birth' },
        { path: 'surgeries', message: 'Mark one surgery as the index surgery' },
      ],
      error: 'Check the highlighted fields.',
    });
    expect(element().textContent).toContain('The surgery cannot be before the date of birth');
    const alerts = [...element().querySelectorAll('[role="alert"]')].map((a) => a.textContent);
    expect(alerts).toContain('Mark one surgery as the index surgery');
    expect(alerts).toContain('Not saved: Check the highlighted fields.');
  });
});

import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { CauseTag, ClinicalNote, Patient } from '@shared/contracts/patients';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import { aUser } from '../../testing/fixtures';
import { CLINICIANS, SPECIALIST_ID, aCase, aCauseTag, aNote } from '../case-fixtures';
import { IDLE_OPERATION, type Operation } from '../operation';
import { CasePageActions } from '../state/case-page.actions';
import { caseFeature } from '../state/case.feature';
import { CasePage } from './case-page';

describe('CasePage', () => {
  let fixture: ComponentFixture<CasePage>;
  let loader: HarnessLoader;
  let store: MockStore;
  const patient = aCase({ familyName: 'Okafor', givenName: 'Ada', mrn: 'MRN0042', status: 'triage' });

  interface View {
    patient?: Patient | null;
    loading?: boolean;
    error?: string | null;
    notFound?: boolean;
    causes?: CauseTag[];
    notes?: ClinicalNote[] | null;
    role?: Role;
    details?: Operation;
    status?: Operation;
    id?: string;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(caseFeature.selectPatient, view.patient === undefined ? patient : view.patient);
    store.overrideSelector(caseFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(caseFeature.selectError, view.error ?? null);
    store.overrideSelector(caseFeature.selectNotFound, view.notFound ?? false);
    store.overrideSelector(caseFeature.selectCauses, view.causes ?? [aCauseTag()]);
    store.overrideSelector(caseFeature.selectCausesLoading, false);
    store.overrideSelector(caseFeature.selectCausesError, null);
    store.overrideSelector(caseFeature.selectNotes, view.notes === undefined ? [aNote()] : view.notes);
    store.overrideSelector(caseFeature.selectNotesLoading, false);
    store.overrideSelector(caseFeature.selectNotesError, null);
    store.overrideSelector(caseFeature.selectClinicians, CLINICIANS);
    store.overrideSelector(caseFeature.selectOperations, {});
    store.overrideSelector(caseFeature.selectDetailsOperation, view.details ?? IDLE_OPERATION);
    store.overrideSelector(caseFeature.selectStatusOperation, view.status ?? IDLE_OPERATION);
    store.overrideSelector(caseFeature.selectAddCauseOperation, IDLE_OPERATION);
    store.overrideSelector(caseFeature.selectAddNoteOperation, IDLE_OPERATION);
    const role = view.role ?? 'specialist';
    store.overrideSelector(authFeature.selectRole, role);
    store.overrideSelector(authFeature.selectUser, aUser({ id: SPECIALIST_ID, role }));
    fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', view.id ?? patient.id);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (): string => element().textContent.replace(/\s+/g, ' ');

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CasePage],
      providers: [provideRouter([]), provideMockStore(), { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } }],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('opens the case of the route, and again for another patient', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(CasePageActions.opened({ patientId: patient.id }));
    fixture.componentRef.setInput('id', 'other-id');
    await fixture.whenStable();
    expect(store.dispatch).toHaveBeenCalledWith(CasePageActions.opened({ patientId: 'other-id' }));
  });

  it('shows the header: name, MRN, age, sex, status and months since the index surgery', async () => {
    await render();
    expect(element().querySelector('h1')?.textContent).toContain('Okafor, Ada');
    expect(text()).toContain('MRN MRN0042');
    expect(text()).toContain('60 years');
    expect(text()).toContain('Female');
    expect(text()).toContain('Status: Triage');
    expect(text()).toContain('6 months since index surgery');
  });

  it('shows an urgent banner while a red flag is open', async () => {
    await render({ patient: { ...patient, openRedFlag: true } });
    const alert = element().querySelector('.red-flag[role="alert"]');
    expect(alert?.textContent).toContain('Open red flag');
  });

  it('has no red-flag banner without an open red flag', async () => {
    await render();
    expect(element().querySelector('.red-flag')).toBeNull();
  });

  it('links "Record assessment" to the assessment page', async () => {
    await render({ role: 'nurse' });
    const link = await loader.getHarness(MatButtonHarness.with({ text: /Record assessment/ }));
    expect(await (await link.host()).getAttribute('href')).toBe(`/patients/${patient.id}/assess`);
  });

  it('lays out the cards, with areas for the pain chart and the treatment plan', async () => {
    await render();
    for (const area of ['referral', 'status', 'causes', 'details', 'pain-chart', 'treatment-plan', 'notes']) {
      expect(element().querySelector(`.area-${area}`))
        .withContext(area)
        .not.toBeNull();
    }
    expect(text()).toContain('Mr Orth Surgeon');
    expect(text()).toContain('Transforaminal lumbar interbody fusion (TLIF)');
    expect(text()).toContain('L4/L5, L5/S1');
    expect(text()).toContain('Pseudarthrosis / nonunion');
    expect(text()).toContain('MDT: consider SCS trial.');
  });

  it('offers a specialist only the status moves the state machine allows', async () => {
    await render();
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '.area-status mat-select' }));
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['Assessment', 'Discharged']);
    await select.clickOptions({ text: 'Assessment' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Change status' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(
      CasePageActions.statusChangeSubmitted({ body: { version: patient.version, to: 'assessment', reason: null } }),
    );
  });

  it('shows a refused status change next to the control', async () => {
    await render({
      status: { ...IDLE_OPERATION, error: 'A case in Triage cannot move to Treatment. Allowed next: Assessment, Discharged.' },
    });
    expect(element().querySelector('.area-status [role="alert"]')?.textContent).toContain('cannot move to Treatment');
  });

  it('lets a nurse read the case without editing it', async () => {
    await render({ role: 'nurse' });
    expect(
      await loader.getAllHarnesses(MatButtonHarness.with({ text: /Edit details|Change status|Add a suspected cause|Save note/ })),
    ).toEqual([]);
    expect(text()).toContain('MDT: consider SCS trial.');
  });

  it('saves edited details through the store, sending only what changed', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Edit details/ }))).click();
    const phone = await loader.getHarness(MatInputHarness.with({ selector: '[type="tel"]' }));
    await phone.setValue('0161 123 4567');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save details' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(
      CasePageActions.detailsSubmitted({ body: { version: patient.version, phone: '0161 123 4567' } }),
    );
  });

  it('shows who changed the record when a save was stale (409), and reloads on request', async () => {
    const conflict = {
      changedBy: 'Dr B Other',
      changedAt: '2025-05-02T10:00:00.000Z',
      changes: [{ label: 'Phone', before: '0161 000 0000', after: '0161 999' }],
    };
    await render({ details: { ...IDLE_OPERATION, conflict } });
    const alert = element().querySelector('.area-details [role="alert"]');
    expect(alert?.textContent).toContain('Dr B Other changed it');
    expect(alert?.textContent).toContain('0161 999');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Reload/ }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(CasePageActions.reloadClicked());
  });

  it('shows progress while loading and nothing of another patient', async () => {
    await render({ patient: aCase(), loading: true });
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
    expect(element().querySelector('h1')?.textContent).toContain('Loading');
  });

  it('shows an error with Retry when the case cannot be loaded', async () => {
    await render({ patient: null, error: 'The server could not be reached.' });
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('The server could not be reached.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(CasePageActions.retryClicked());
  });

  it('says so when the patient does not exist', async () => {
    await render({ patient: null, notFound: true, error: 'No such patient.' });
    expect(text()).toContain('Patient not found');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Retry' }))).toEqual([]);
  });
});

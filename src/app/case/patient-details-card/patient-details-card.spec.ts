import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { UpdatePatientBody } from '@shared/contracts/patients';
import { CLINICIANS, NURSE_ID, SPECIALIST_ID, aCase } from '../case-fixtures';
import { IDLE_OPERATION } from '../operation';
import { PatientDetailsCard } from './patient-details-card';

describe('PatientDetailsCard', () => {
  let fixture: ComponentFixture<PatientDetailsCard>;
  let loader: HarnessLoader;
  let saved: UpdatePatientBody[];
  const patient = aCase({ version: 5, phone: '0161 000 0000' });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(PatientDetailsCard);
    fixture.componentRef.setInput('patient', patient);
    fixture.componentRef.setInput('clinicians', CLINICIANS);
    fixture.componentRef.setInput('operation', IDLE_OPERATION);
    fixture.componentRef.setInput('canEdit', true);
    saved = [];
    fixture.componentInstance.save.subscribe((body) => saved.push(body));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Edit details/ }))).click();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const input = (selector: string) => loader.getHarness(MatInputHarness.with({ selector }));
  const save = async () => (await loader.getHarness(MatButtonHarness.with({ text: 'Save details' }))).click();

  it('assigns the responsible specialist and named nurse', async () => {
    await render();
    const [, , specialist, nurse] = await loader.getAllHarnesses(MatSelectHarness);
    await specialist.open();
    await specialist.clickOptions({ text: 'Dr Wei Chen' });
    await nurse.open();
    await nurse.clickOptions({ text: 'Gwen Jones' });
    await save();
    expect(saved).toEqual([{ version: 5, responsibleSpecialistId: SPECIALIST_ID, namedNurseId: NURSE_ID }]);
  });

  it('validates with the shared rules before saving', async () => {
    await render();
    await (await input('[formControlName="familyName"]')).setValue(' ');
    await (await input('[type="email"]')).setValue('not-an-email');
    await save();
    expect(saved).toEqual([]);
    const errors = [...element().querySelectorAll('mat-error')].map((e) => e.textContent.trim());
    expect(errors).toContain('Required');
    expect(errors.some((e) => /email/i.test(e))).toBeTrue();
  });

  it('shows the date of birth as DD/MM/YYYY and refuses a date it cannot read', async () => {
    await render();
    const dob = await input('[formControlName="dateOfBirth"]');
    expect(await dob.getValue()).toBe('12/04/1965');
    await dob.setValue('31/02/1965');
    await save();
    expect(saved).toEqual([]);
    expect(element().textContent).toContain('Enter the date as DD/MM/YYYY');
    await dob.setValue('13/04/1965');
    await save();
    expect(saved).toEqual([{ version: 5, dateOfBirth: '1965-04-13' }]);
  });

  it('says so when nothing has changed', async () => {
    await render();
    await save();
    expect(saved).toEqual([]);
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Nothing has changed yet.');
  });

  it('clears a phone number as none', async () => {
    await render();
    await (await input('[type="tel"]')).setValue('');
    await save();
    expect(saved).toEqual([{ version: 5, phone: null }]);
  });

  it("shows the server's field errors (400) next to the fields", async () => {
    await render();
    fixture.componentRef.setInput('operation', {
      ...IDLE_OPERATION,
      fieldErrors: [{ path: 'namedNurseId', message: 'Choose an active nurse' }],
    });
    await fixture.whenStable();
    expect(element().querySelector('mat-error')?.textContent).toContain('Choose an active nurse');
  });

  it('closes the form once saved', async () => {
    await render();
    fixture.componentRef.setInput('operation', { ...IDLE_OPERATION, saved: 1 });
    await fixture.whenStable();
    expect(element().querySelector('form')).toBeNull();
    expect(element().textContent).toContain('0161 000 0000');
  });
});

import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { EnteredInErrorBody } from '@shared/contracts/common';
import type { UpdateCauseBody } from '@shared/contracts/patients';
import { aCauseTag } from '../case-fixtures';
import { IDLE_OPERATION } from '../operation';
import { CauseTagItem } from './cause-tag-item';

describe('CauseTagItem', () => {
  let fixture: ComponentFixture<CauseTagItem>;
  let loader: HarnessLoader;
  let updates: UpdateCauseBody[];
  let retractions: EnteredInErrorBody[];
  const tag = aCauseTag({
    status: 'confirmed',
    version: 2,
    updatedBy: 'Dr B Other',
    history: [
      {
        change: 'tagged',
        status: 'provisional',
        evidenceNote: 'CT: no bridging bone',
        changedBy: 'Dr Wei Chen',
        changedAt: '2025-04-01T10:00:00.000Z',
      },
      {
        change: 'status',
        status: 'confirmed',
        evidenceNote: 'Flexion films: motion',
        changedBy: 'Dr B Other',
        changedAt: '2025-04-10T10:00:00.000Z',
      },
    ],
    evidenceNote: 'Flexion films: motion',
  });

  async function render(canWrite = true): Promise<void> {
    fixture = TestBed.createComponent(CauseTagItem);
    fixture.componentRef.setInput('tag', tag);
    fixture.componentRef.setInput('operation', IDLE_OPERATION);
    fixture.componentRef.setInput('canWrite', canWrite);
    updates = [];
    retractions = [];
    fixture.componentInstance.update.subscribe((body) => updates.push(body));
    fixture.componentInstance.enteredInError.subscribe((body) => retractions.push(body));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  it('shows the cause, its status, evidence and who tagged it', async () => {
    await render();
    expect(element().querySelector('h3')?.textContent).toBe('Pseudarthrosis / nonunion');
    expect(element().textContent).toContain('Confirmed');
    expect(element().textContent).toContain('Flexion films: motion');
    expect(element().textContent).toContain('Tagged by Dr Wei Chen on 1 Apr 2025');
    expect(element().textContent).toContain('last changed by Dr B Other');
  });

  it('shows the full history on request, newest first', async () => {
    await render();
    const history = element().querySelector<HTMLElement>('ol.history');
    expect(history?.hidden).toBeTrue();
    const toggle = await loader.getHarness(MatButtonHarness.with({ text: /History \(2\)/ }));
    await toggle.click();
    expect(history?.hidden).toBeFalse();
    expect(await (await toggle.host()).getAttribute('aria-expanded')).toBe('true');
    const items = [...(history?.querySelectorAll('li') ?? [])].map((li) => li.textContent.replace(/\s+/g, ' '));
    expect(items[0]).toContain('Status changed to Confirmed');
    expect(items[1]).toContain('Tagged as Provisional');
    expect(items[1]).toContain('CT: no bridging bone');
  });

  it('changes the status as evidence arrives, sending only what changed with the version', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Update/ }))).click();
    const status = await loader.getHarness(MatSelectHarness);
    expect(await status.getValueText()).toBe('Confirmed');
    await status.open();
    await status.clickOptions({ text: 'Refuted' });
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Save/ }))).click();
    expect(updates).toEqual([{ version: 2, status: 'refuted' }]);
  });

  it('says so when nothing was changed', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Update/ }))).click();
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Save/ }))).click();
    expect(updates).toEqual([]);
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Change the status or the evidence');
  });

  it('marks a tag entered in error with a reason', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Entered in error/ }))).click();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Mark entered in error' }))).click();
    expect(retractions).toEqual([]);
    expect(element().textContent).toContain('Give a reason of at least 3 characters');
    await (await loader.getHarness(MatInputHarness)).setValue('Tagged on the wrong patient');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Mark entered in error' }))).click();
    expect(retractions).toEqual([{ version: 2, reason: 'Tagged on the wrong patient' }]);
  });

  it('shows a conflict with Reload when someone else changed the tag', async () => {
    await render();
    let reloaded = false;
    fixture.componentInstance.reload.subscribe(() => (reloaded = true));
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Update/ }))).click();
    fixture.componentRef.setInput('operation', {
      ...IDLE_OPERATION,
      conflict: {
        changedBy: 'Dr B Other',
        changedAt: '2025-04-11T09:00:00.000Z',
        changes: [{ label: 'Verification status', before: 'Confirmed', after: 'Refuted' }],
      },
    });
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Dr B Other changed it');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Reload/ }))).click();
    expect(reloaded).toBeTrue();
  });

  it('offers no changes to readers', async () => {
    await render(false);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /^Update|^Entered in error/ }))).toEqual([]);
  });
});

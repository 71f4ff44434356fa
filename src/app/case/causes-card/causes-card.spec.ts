import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { aCauseTag } from '../case-fixtures';
import { IDLE_OPERATION } from '../operation';
import { CausesCard } from './causes-card';

describe('CausesCard', () => {
  let fixture: ComponentFixture<CausesCard>;
  let loader: HarnessLoader;
  let added: { body: unknown; idempotencyKey: string }[];

  async function render(inputs: Record<string, unknown> = {}): Promise<void> {
    fixture = TestBed.createComponent(CausesCard);
    fixture.componentRef.setInput('causes', [aCauseTag({ code: 'POST-FIB', status: 'differential' })]);
    fixture.componentRef.setInput('canWrite', true);
    for (const [key, value] of Object.entries(inputs)) fixture.componentRef.setInput(key, value);
    added = [];
    fixture.componentInstance.add.subscribe((event) => added.push(event));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  async function openForm(): Promise<MatAutocompleteHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add a suspected cause/ }))).click();
    return loader.getHarness(MatAutocompleteHarness);
  }

  it('lists the tagged causes with their status', async () => {
    await render();
    expect(element().textContent).toContain('Epidural fibrosis (scar)');
    expect(element().textContent).toContain('Differential');
  });

  it('searches the catalogue by synonym, grouped by timing', async () => {
    await render();
    const cause = await openForm();
    await cause.enterText('nonunion');
    const groups = await cause.getOptionGroups();
    expect(await Promise.all(groups.map((g) => g.getLabelText()))).toEqual(['Post-operative']);
    expect(await Promise.all((await cause.getOptions()).map((o) => o.getText()))).toEqual(['Pseudarthrosis / nonunion']);
  });

  it('shows the whole catalogue in timing groups, a cause already tagged disabled', async () => {
    await render();
    const cause = await openForm();
    await cause.focus();
    const groups = await cause.getOptionGroups();
    expect(await Promise.all(groups.map((g) => g.getLabelText()))).toEqual([
      'Pre-operative',
      'Operative',
      'Post-operative',
      'Undetermined',
    ]);
    const [fibrosis] = await cause.getOptions({ text: /Epidural fibrosis/ });
    expect(await fibrosis.isDisabled()).toBeTrue();
    expect(await fibrosis.getText()).toContain('(already tagged)');
  });

  it('adds a cause as provisional with evidence, with an Idempotency-Key', async () => {
    await render();
    const cause = await openForm();
    await cause.enterText('pseudarthrosis');
    await cause.selectOption({ text: 'Pseudarthrosis / nonunion' });
    expect(await (await cause.host()).getProperty('value')).toBe('Pseudarthrosis / nonunion');
    expect(element().textContent).toContain('Typical evidence: CT');
    const evidence = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await evidence.setValue('  CT: no bridging bone at L4-L5 ');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add cause' }))).click();
    expect(added.length).toBe(1);
    expect(added[0]?.body).toEqual({ code: 'POST-PSA', status: 'provisional', evidenceNote: 'CT: no bridging bone at L4-L5' });
    expect(added[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    // A retry of the same submission keeps its key.
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add cause' }))).click();
    expect(added[1]?.idempotencyKey).toBe(added[0]?.idempotencyKey);
  });

  it('refuses free text that is not a catalogue cause', async () => {
    await render();
    const cause = await openForm();
    await cause.enterText('back ache');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add cause' }))).click();
    expect(added).toEqual([]);
    expect(element().textContent).toContain('Pick a cause from the list');
  });

  it('lets the status be chosen', async () => {
    await render();
    const cause = await openForm();
    await cause.enterText('POST-SIJ');
    await cause.selectOption({ text: 'Sacroiliac-joint pain' });
    const status = await loader.getHarness(MatSelectHarness.with({ selector: '.form mat-select' }));
    await status.open();
    await status.clickOptions({ text: 'Differential' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add cause' }))).click();
    expect(added[0]?.body).toEqual({ code: 'POST-SIJ', status: 'differential', evidenceNote: null });
  });

  it('shows a refusal from the server and closes the form after a save', async () => {
    await render();
    await openForm();
    fixture.componentRef.setInput('addOperation', {
      ...IDLE_OPERATION,
      error: 'Epidural fibrosis (scar) is already tagged for this patient.',
    });
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('already tagged');
    fixture.componentRef.setInput('addOperation', { ...IDLE_OPERATION, saved: 1 });
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatAutocompleteHarness)).toEqual([]);
  });

  it('shows a load failure with Retry', async () => {
    await render({ error: 'The server could not be reached.', causes: [] });
    let retried = false;
    fixture.componentInstance.retry.subscribe(() => (retried = true));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(retried).toBeTrue();
  });

  it('has no add form for readers', async () => {
    await render({ canWrite: false, causes: [] });
    expect(element().textContent).toContain('No cause tagged yet.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Add a suspected cause/ }))).toEqual([]);
  });
});

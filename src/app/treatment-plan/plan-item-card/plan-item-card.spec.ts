import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { PlanItem, PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';
import { CLINICIANS, aPlan, anItem, anOutcome } from '../testing/plan-fixtures';
import { PlanItemCard, type PlanItemRequest } from './plan-item-card';

describe('PlanItemCard', () => {
  let fixture: ComponentFixture<PlanItemCard>;
  let loader: HarnessLoader;
  let requests: PlanItemRequest[];

  async function render(
    item: PlanItem,
    options: { plan?: TreatmentPlan; canWrite?: boolean; outcome?: PlanItemOutcome | null } = {},
  ): Promise<void> {
    fixture = TestBed.createComponent(PlanItemCard);
    fixture.componentRef.setInput('item', item);
    fixture.componentRef.setInput('plan', options.plan ?? aPlan({ items: [item] }));
    fixture.componentRef.setInput('today', '2025-06-01');
    fixture.componentRef.setInput('canWrite', options.canWrite ?? true);
    fixture.componentRef.setInput('clinicians', CLINICIANS);
    fixture.componentRef.setInput('outcome', options.outcome ?? null);
    requests = [];
    fixture.componentInstance.request.subscribe((r) => requests.push(r));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const text = (): string => (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');
  /** The item's facts as "term: value". */
  const facts = (): string[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.facts > div')).map(
      (d) => `${d.querySelector('dt')?.textContent.trim() ?? ''}: ${d.querySelector('dd')?.textContent.replace(/\s+/g, ' ').trim() ?? ''}`,
    );
  /** The follow-up chips, their parts separated by spaces. */
  const followUps = (): string[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.fu')).map((li) =>
      Array.from(li.querySelectorAll('span'))
        .map((span) => span.textContent.trim())
        .join(' '),
    );
  const buttonTexts = async (): Promise<string[]> => Promise.all((await loader.getAllHarnesses(MatButtonHarness)).map((b) => b.getText()));

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [PlanItemCard] });
  });

  it('offers Start and Cancel for a planned item, each named for the treatment', async () => {
    await render(anItem({ treatmentCode: 'PHYSIO', status: 'planned' }));
    const texts = await buttonTexts();
    expect(texts).toContain('Start Physiotherapy / exercise rehabilitation');
    expect(texts).toContain('Cancel Physiotherapy / exercise rehabilitation');
    expect(texts.some((t) => t.startsWith('Complete') || t.startsWith('Stop'))).toBeFalse();
  });

  it('offers Complete and Stop for an active item, and asks the panel when one is pressed', async () => {
    const item = anItem({ status: 'active', startedOn: '2025-05-20' });
    await render(item);
    const texts = await buttonTexts();
    expect(texts.filter((t) => /^(Start|Complete|Stop|Cancel) /.test(t)).map((t) => t.split(' ')[0])).toEqual(['Complete', 'Stop']);
    await (await loader.getHarness(MatButtonHarness.with({ text: /^Stop / }))).click();
    expect(requests).toEqual([{ command: 'stop', item }]);
  });

  it('offers no status action for a cancelled item (it can never be completed)', async () => {
    await render(anItem({ status: 'cancelled' }));
    expect(await buttonTexts()).toEqual([]);
  });

  it('is read-only for those who may not change plans (nurses), and in earlier plans', async () => {
    const item = anItem({ status: 'active', startedOn: '2025-05-20' });
    await render(item, { canWrite: false });
    expect(await buttonTexts()).toEqual([]);
    await render(item, { plan: aPlan({ status: 'completed', items: [item] }) });
    expect(await buttonTexts()).toEqual([]);
  });

  it('records an active SCS trial’s result, and after a successful one offers to plan the permanent implant', async () => {
    await render(anItem({ treatmentCode: 'SCS-TRIAL', status: 'active', startedOn: '2025-05-20' }));
    expect(await buttonTexts()).toContain('rule Record trial result');
    expect(facts()).toContain('Trial result: Not recorded yet');

    const success = anItem({
      treatmentCode: 'SCS-TRIAL',
      status: 'completed',
      startedOn: '2025-05-01',
      endedOn: '2025-05-15',
      trialReliefPct: 60,
      trialDecision: 'success',
    });
    await render(success);
    expect(facts()).toContain('Trial result: 60% relief: successful (50% or more)');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Plan the permanent implant' }))).click();
    expect(requests).toEqual([{ command: 'implant', item: success }]);
  });

  it('does not offer the implant after an unsuccessful trial', async () => {
    await render(
      anItem({ treatmentCode: 'SCS-TRIAL', status: 'completed', startedOn: '2025-05-01', trialReliefPct: 45, trialDecision: 'failure' }),
    );
    expect(facts()).toContain('Trial result: 45% relief: not successful (under 50%)');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Plan the permanent implant' }))).toEqual([]);
  });

  it('shows dates, responsible clinician, addressed causes, stop reason and outcome note', async () => {
    await render(
      anItem({
        status: 'stopped',
        startedOn: '2025-03-01',
        endedOn: '2025-04-02',
        addressesCauses: ['POST-NEU'],
        stopReason: 'Dizziness',
        outcomeNote: 'No benefit',
      }),
    );
    expect(facts()).toEqual([
      'Planned for: 20 May 2025',
      'Started: 1 Mar 2025',
      'Ended: 2 Apr 2025',
      'Responsible clinician: Dr Samuel Reyes',
      'Addresses: Neuropathic pain',
      'Reason for stopping: Dizziness',
      'Outcome note: No benefit',
    ]);
  });

  it('shows the follow-up schedule with each follow-up’s state, or when it will be scheduled', async () => {
    await render(anItem({ treatmentCode: 'SCS-10KHZ', status: 'planned' }));
    expect(text()).toContain('Scheduled when it starts: 1, 3, 6, 12 and 24 months after the start date.');
    await render(
      anItem({
        status: 'active',
        startedOn: '2025-02-01',
        followUps: [
          { id: 'a', monthOffset: 1, dueOn: '2025-03-01', status: 'completed', completedAssessmentId: null },
          { id: 'b', monthOffset: 3, dueOn: '2025-05-01', status: 'due', completedAssessmentId: null },
        ],
      }),
    );
    expect(followUps()).toEqual(['1 month 1 Mar 2025 Completed', '3 months 1 May 2025 Overdue']);
  });

  it('shows the outcome table of a started item', async () => {
    await render(anItem({ treatmentCode: 'SCS-10KHZ', status: 'active', startedOn: '2025-01-10' }), { outcome: anOutcome() });
    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getRows()).length).toBe(4);
  });

  it('shows the history: who changed what, when', async () => {
    await render(anItem());
    expect(text()).toContain('History (1 change)');
    expect(text()).toContain('Dr Samuel Reyes');
    expect(text()).toContain('Added to the plan');
  });
});

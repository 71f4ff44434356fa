import { PLAN_ITEM_STATUSES, PLAN_ITEM_TRANSITIONS, treatmentByCode } from '@shared/domain/treatments';
import { CLINICIANS, OTHER_SPECIALIST_ID, aPlan, anItem } from './testing/plan-fixtures';
import {
  ITEM_ACTION_TARGETS,
  SCS_IMPLANT_CODES,
  canRecordTrialResult,
  followUpChips,
  goalTarget,
  groupItems,
  type HistoryEntry,
  historyEntries,
  itemActions,
  offersImplant,
  scheduleText,
} from './plan-view';

describe('plan view', () => {
  describe('itemActions (allowed actions per status, from the shared transitions)', () => {
    const cases = [
      { status: 'planned', actions: ['start', 'cancel'] },
      { status: 'active', actions: ['complete', 'stop'] },
      { status: 'completed', actions: [] },
      { status: 'stopped', actions: [] },
      { status: 'cancelled', actions: [] },
    ] as const;
    for (const { status, actions } of cases) {
      it(`offers ${actions.length ? actions.join(' and ') : 'nothing'} for a ${status} item`, () => {
        expect(itemActions(status)).toEqual([...actions]);
      });
    }

    it('never offers a move the shared rules refuse (a cancelled item is never completed)', () => {
      for (const status of PLAN_ITEM_STATUSES) {
        for (const action of itemActions(status)) {
          expect(PLAN_ITEM_TRANSITIONS[status]).toContain(ITEM_ACTION_TARGETS[action]);
        }
      }
      expect(itemActions('cancelled')).not.toContain('complete');
    });
  });

  it('groups items by status: active, planned, then the finished ones, leaving out empty groups', () => {
    const items = [
      anItem({ status: 'cancelled' }),
      anItem({ status: 'planned' }),
      anItem({ status: 'active' }),
      anItem({ status: 'planned' }),
    ];
    const groups = groupItems(items);
    expect(groups.map((g) => `${g.label} ${String(g.items.length)}`)).toEqual(['Active 1', 'Planned 2', 'Cancelled 1']);
  });

  describe('the SCS pathway', () => {
    it('offers the permanent implant after a successful trial, once', () => {
      const trial = anItem({ treatmentCode: 'SCS-TRIAL', status: 'completed', trialReliefPct: 60, trialDecision: 'success' });
      expect(offersImplant(trial, aPlan({ items: [trial] }))).toBeTrue();
      const implant = anItem({ treatmentCode: 'SCS-10KHZ' });
      expect(offersImplant(trial, aPlan({ items: [trial, implant] }))).toBeFalse();
      const cancelled = anItem({ treatmentCode: 'SCS-IMPLANT', status: 'cancelled' });
      expect(offersImplant(trial, aPlan({ items: [trial, cancelled] }))).toBeTrue();
    });

    it('does not offer it after an unsuccessful trial, or in an earlier plan', () => {
      const failed = anItem({ treatmentCode: 'SCS-TRIAL', status: 'completed', trialReliefPct: 40, trialDecision: 'failure' });
      expect(offersImplant(failed, aPlan({ items: [failed] }))).toBeFalse();
      const success = anItem({ treatmentCode: 'SCS-TRIAL', status: 'completed', trialReliefPct: 70, trialDecision: 'success' });
      expect(offersImplant(success, aPlan({ status: 'completed', items: [success] }))).toBeFalse();
    });

    it('the implants are the catalogue’s spinal cord stimulators that follow a trial', () => {
      for (const code of SCS_IMPLANT_CODES) expect(treatmentByCode(code)?.implantFollowsTrial).toBeTrue();
    });

    it('records a trial result only for an SCS trial that has run', () => {
      expect(canRecordTrialResult(anItem({ treatmentCode: 'SCS-TRIAL', status: 'active' }))).toBeTrue();
      expect(canRecordTrialResult(anItem({ treatmentCode: 'SCS-TRIAL', status: 'planned' }))).toBeFalse();
      expect(canRecordTrialResult(anItem({ treatmentCode: 'SCS-IMPLANT', status: 'active' }))).toBeFalse();
    });
  });

  it('says the follow-ups as they stand today: completed, cancelled, upcoming, due or overdue', () => {
    const item = anItem({
      status: 'active',
      startedOn: '2025-01-10',
      followUps: [
        { id: 'a', monthOffset: 1, dueOn: '2025-02-10', status: 'completed', completedAssessmentId: null },
        { id: 'b', monthOffset: 3, dueOn: '2025-04-10', status: 'due', completedAssessmentId: null },
        { id: 'c', monthOffset: 6, dueOn: '2025-07-10', status: 'due', completedAssessmentId: null },
        { id: 'd', monthOffset: 12, dueOn: '2026-01-10', status: 'due', completedAssessmentId: null },
        { id: 'e', monthOffset: 24, dueOn: '2027-01-10', status: 'cancelled', completedAssessmentId: null },
      ],
    });
    expect(followUpChips(item, '2025-07-01').map((f) => `${f.month} ${f.dueOn} ${f.statusLabel}`)).toEqual([
      '1 month 10 Feb 2025 Completed',
      '3 months 10 Apr 2025 Overdue',
      '6 months 10 Jul 2025 Due',
      '12 months 10 Jan 2026 Upcoming',
      '24 months 10 Jan 2027 Cancelled',
    ]);
  });

  it('puts the catalogue’s schedule into words', () => {
    expect(scheduleText([1, 3, 6, 12, 24])).toBe('1, 3, 6, 12 and 24 months');
    expect(scheduleText([1])).toBe('1 month');
  });

  it('describes goal targets by measure', () => {
    expect(goalTarget({ text: 'x', measure: 'leg-nrs', target: 4 })).toBe('Leg NRS ≤ 4');
    expect(goalTarget({ text: 'x', measure: 'odi', target: 10 })).toBe('ODI down by 10 points');
    expect(goalTarget({ text: 'x', measure: 'other', target: null })).toBeNull();
  });

  it('tells who changed what in an item’s history, newest first, in words', () => {
    const item = anItem({
      history: [
        {
          changedAt: '2025-05-01T09:30:00.000Z',
          changedBy: 'Dr Samuel Reyes',
          change: { status: { from: null, to: 'planned' }, treatmentCode: { from: null, to: 'SCS-TRIAL' } },
        },
        {
          changedAt: '2025-05-10T10:00:00.000Z',
          changedBy: 'Dr Wei Chen',
          change: {
            status: { from: 'planned', to: 'active' },
            startedOn: { from: null, to: '2025-05-10' },
            responsibleClinicianId: { from: null, to: OTHER_SPECIALIST_ID },
            addressesCauses: { from: [], to: ['POST-NEU'] },
            trialReliefPct: { from: null, to: 60 },
            trialDecision: { from: null, to: 'success' },
          },
        },
      ],
    });
    const [latest, first] = historyEntries(item, CLINICIANS) as [HistoryEntry, HistoryEntry];
    expect(latest.by).toBe('Dr Wei Chen');
    expect(latest.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      'Status: Planned → Active',
      'Started: — → 10 May 2025',
      'Responsible clinician: — → Dr Wei Chen',
      'Addresses: none → Neuropathic pain',
      'Trial relief: — → 60%',
      'Trial result: — → Success',
    ]);
    expect(first.summary).toBe('Added to the plan');
    expect(first.changes).toEqual([]);
  });
});

import { currentPlanOf, itemConflict, planConflict } from './plan-conflict';
import { aPlan, anItem } from './testing/plan-fixtures';

describe('plan conflicts', () => {
  it('says who changed an item, when, and what (409)', () => {
    const base = anItem({ status: 'planned' });
    const current = {
      ...base,
      status: 'active' as const,
      startedOn: '2025-05-10',
      version: 2,
      history: [
        ...base.history,
        { changedAt: '2025-05-10T10:00:00.000Z', changedBy: 'Dr Wei Chen', change: { status: { from: 'planned', to: 'active' } } },
      ],
    };
    expect(itemConflict(base, current)).toEqual({
      changedBy: 'Dr Wei Chen',
      changedAt: '2025-05-10T10:00:00.000Z',
      changes: [
        { label: 'Status', before: 'Planned', after: 'Active' },
        { label: 'Started', before: '(none)', after: '10 May 2025' },
      ],
    });
  });

  it('lists changed goals of a plan', () => {
    const base = aPlan();
    const current = aPlan({ goals: [{ text: 'Walk 1 km', measure: 'other', target: null }], version: 2 });
    expect(planConflict(base, current).changes).toEqual([
      { label: 'Goals', before: 'Leg pain NRS 4 or less: Leg NRS ≤ 4', after: 'Walk 1 km' },
    ]);
  });

  it('reads the current plan from a 409 answer only when it is one', () => {
    expect(currentPlanOf(aPlan())).toEqual(aPlan());
    expect(currentPlanOf({ nope: true })).toBeNull();
  });
});

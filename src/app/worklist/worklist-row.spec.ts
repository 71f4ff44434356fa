import { aPatient } from '../testing/fixtures';
import { ageOn, toWorklistRow } from './worklist-row';

describe('worklist row', () => {
  it('computes age in completed years', () => {
    expect(ageOn('1970-06-15', '2025-06-14')).toBe(54);
    expect(ageOn('1970-06-15', '2025-06-15')).toBe(55);
  });

  it('builds the display values', () => {
    const row = toWorklistRow(
      aPatient({
        familyName: 'Okafor',
        givenName: 'Ada',
        dateOfBirth: '1960-02-01',
        sex: 'female',
        status: 'triage',
        priority: 'urgent',
        referredOn: '2025-05-01',
        indexProcedure: 'TLIF',
        indexSurgeryDate: '2024-11-20',
        causes: [{ code: 'PRE-DX', status: 'confirmed' }],
        latestBackNrs: 5,
        baselineBackNrs: 8,
        latestLegNrs: 7,
        baselineLegNrs: null,
        openRedFlag: true,
        nextFollowUpDue: '2025-05-01',
      }),
      '2025-06-01',
    );
    expect(row.name).toBe('Okafor, Ada');
    expect(row.age).toBe(65);
    expect(row.sexLabel).toBe('Female');
    expect(row.statusLabel).toBe('Triage');
    expect(row.priorityLabel).toBe('Urgent');
    expect(row.urgent).toBeTrue();
    expect(row.daysSinceReferral).toBe(31);
    expect(row.waiting).toBeTrue();
    expect(row.procedureName).toBe('Transforaminal lumbar interbody fusion (TLIF)');
    expect(row.monthsSinceSurgery).toBe(6);
    expect(row.notChronicYet).toBeFalse();
    expect(row.causes).toEqual([{ code: 'PRE-DX', status: 'confirmed' }]);
    expect(row.back).toEqual({ latest: 5, baseline: 8, change: -3, description: '5, 3 lower than baseline 8' });
    expect(row.leg).toEqual({ latest: 7, baseline: null, change: null, description: '7' });
    expect(row.redFlag).toBeTrue();
    expect(row.followUpOverdue).toBeTrue();
  });

  it('counts waiting time only before treatment', () => {
    expect(toWorklistRow(aPatient({ status: 'referred' }), '2025-06-01').waiting).toBeTrue();
    expect(toWorklistRow(aPatient({ status: 'treatment' }), '2025-06-01').waiting).toBeFalse();
    expect(toWorklistRow(aPatient({ status: 'discharged' }), '2025-06-01').waiting).toBeFalse();
  });

  it('flags surgery less than 3 months ago as not chronic yet (ICD-11)', () => {
    expect(toWorklistRow(aPatient({ indexSurgeryDate: '2025-03-02' }), '2025-06-01').notChronicYet).toBeTrue();
    expect(toWorklistRow(aPatient({ indexSurgeryDate: '2025-03-01' }), '2025-06-01').notChronicYet).toBeFalse();
  });

  it('calls a follow-up overdue only once its window has closed (as the server filter does)', () => {
    expect(toWorklistRow(aPatient({ nextFollowUpDue: '2025-05-18' }), '2025-06-01').followUpOverdue).toBeFalse();
    expect(toWorklistRow(aPatient({ nextFollowUpDue: '2025-05-17' }), '2025-06-01').followUpOverdue).toBeTrue();
  });

  it('copes with missing values', () => {
    const row = toWorklistRow(
      aPatient({
        referredOn: null,
        indexProcedure: null,
        indexSurgeryDate: null,
        latestBackNrs: null,
        latestLegNrs: null,
        nextFollowUpDue: null,
        causes: [],
      }),
      '2025-06-01',
    );
    expect(row.daysSinceReferral).toBeNull();
    expect(row.procedureName).toBeNull();
    expect(row.monthsSinceSurgery).toBeNull();
    expect(row.notChronicYet).toBeFalse();
    expect(row.back).toBeNull();
    expect(row.followUpOverdue).toBeFalse();
  });
});

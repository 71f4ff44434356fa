import { aPlan, aPlanItem, anAssessment } from '../testing/builders';
import { baselineFor, currentPlanItem, latestWithSymptoms, locationsOf, toChartPoints, treatmentAnnotations } from './pain-chart-data';

/** An instant at local time (clinical days are local calendar days). */
function at(year: number, month: number, day: number, hour = 9): string {
  return new Date(year, month - 1, day, hour).toISOString();
}

describe('pain chart data from assessments and plans', () => {
  it('charts valid entries only, keeping imported scores without a site and who recorded each', () => {
    const valid = anAssessment({ recordedAt: at(2026, 5, 1), backNrs: 7, legNrs: 8, odiScore: 35.6 });
    const imported = anAssessment({ backNrs: null, legNrs: null, unspecifiedNrs: 6, source: 'fhir', recordedBy: null });
    const retracted = anAssessment({ enteredInError: true, enteredInErrorReason: 'Wrong patient' });
    expect(toChartPoints([valid, imported, retracted])).toEqual([
      { id: valid.id, at: valid.recordedAt, back: 7, leg: 8, unspecified: null, odi: 35.6, recordedBy: 'Alex Jones' },
      { id: imported.id, at: imported.recordedAt, back: null, leg: null, unspecified: 6, odi: null, recordedBy: null },
    ]);
  });

  it('annotates started treatments: courses with their end, procedures as markers; cancelled items never started', () => {
    const plans = [
      aPlan([
        aPlanItem({ treatmentCode: 'PHYSIO', startedOn: '2026-01-05', endedOn: '2026-02-27', status: 'completed' }),
        aPlanItem({ treatmentCode: 'ESI-TF', startedOn: '2026-03-10', status: 'completed' }),
        aPlanItem({ treatmentCode: 'MBB', startedOn: null, status: 'planned' }),
        aPlanItem({ treatmentCode: 'RFA', startedOn: '2026-04-01', status: 'cancelled' }),
      ]),
    ];
    expect(treatmentAnnotations(plans)).toEqual([
      { label: 'Physiotherapy / exercise rehabilitation', start: '2026-01-05', end: '2026-02-27', kind: 'course' },
      { label: 'Transforaminal epidural steroid injection', start: '2026-03-10', end: null, kind: 'procedure' },
    ]);
  });

  it('takes the most recently started, not cancelled, item as the current treatment (across plans)', () => {
    const older = aPlan([aPlanItem({ treatmentCode: 'PHYSIO', startedOn: '2025-06-01', status: 'completed' })], { status: 'completed' });
    const current = aPlan([
      aPlanItem({ treatmentCode: 'ESI-TF', startedOn: '2026-03-10' }),
      aPlanItem({ treatmentCode: 'RFA', startedOn: '2026-04-20', status: 'cancelled' }),
    ]);
    expect(currentPlanItem([older, current])?.treatmentCode).toBe('ESI-TF');
    expect(currentPlanItem([])).toBeNull();
  });

  it('baseline: the last valid score of each site on or before the start day, entries in error skipped', () => {
    const plans = [aPlan([aPlanItem({ treatmentCode: 'ESI-TF', startedOn: '2026-03-10' })])];
    const assessments = [
      anAssessment({ recordedAt: at(2026, 2, 1), backNrs: 8, legNrs: 9 }),
      anAssessment({ recordedAt: at(2026, 3, 5), backNrs: null, legNrs: null, odiScore: 40 }),
      anAssessment({ recordedAt: at(2026, 3, 9), backNrs: 2, legNrs: 2, enteredInError: true }),
      anAssessment({ recordedAt: at(2026, 3, 10, 8), backNrs: 7, legNrs: 8 }),
      anAssessment({ recordedAt: at(2026, 3, 11), backNrs: 3, legNrs: 3 }),
    ];
    const baseline = baselineFor(assessments, plans);
    expect(baseline?.treatment).toBe('Transforaminal epidural steroid injection');
    expect(baseline?.start).toBe('2026-03-10');
    expect(baseline?.back).toEqual({ value: 7, at: at(2026, 3, 10, 8) });
    expect(baseline?.leg).toEqual({ value: 8, at: at(2026, 3, 10, 8) });
  });

  it('has no baseline without a started treatment, and a null site without an earlier score', () => {
    expect(baselineFor([anAssessment()], [])).toBeNull();
    const plans = [aPlan([aPlanItem({ startedOn: '2026-01-01' })])];
    const baseline = baselineFor([anAssessment({ recordedAt: at(2026, 2, 1) })], plans);
    expect(baseline?.back).toBeNull();
    expect(baseline?.leg).toBeNull();
  });

  it('shows the locations of the latest valid assessment with symptoms', () => {
    const older = anAssessment({
      recordedAt: at(2026, 4, 1),
      symptoms: [{ type: 'numbness', side: 'left', regions: [], dermatomes: ['L5'], onset: null, note: null }],
    });
    const retracted = anAssessment({
      recordedAt: at(2026, 4, 20),
      enteredInError: true,
      symptoms: [{ type: 'weakness', side: 'right', regions: ['thigh'], dermatomes: [], onset: null, note: null }],
    });
    const painOnly = anAssessment({ recordedAt: at(2026, 5, 1) });
    const latest = latestWithSymptoms([painOnly, retracted, older]);
    expect(latest?.id).toBe(older.id);
    expect(locationsOf(latest)).toEqual(['left:L5']);
    expect(locationsOf(null)).toEqual([]);
  });
});

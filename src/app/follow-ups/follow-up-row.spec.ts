import { aFollowUpDue } from '../treatment-plan/testing/plan-fixtures';
import { toFollowUpRow } from './follow-up-row';

describe('follow-up row', () => {
  it('names the patient, the treatment from the catalogue and the follow-up month', () => {
    const row = toFollowUpRow(
      aFollowUpDue({ familyName: 'Okafor', givenName: 'Ada', treatmentCode: 'SCS-10KHZ', monthOffset: 3, dueOn: '2025-06-01' }),
      '2025-06-01',
    );
    expect(row).toEqual(
      jasmine.objectContaining({
        name: 'Okafor, Ada',
        treatment: '10 kHz high-frequency spinal cord stimulator implant',
        month: '3 months',
        relative: 'today',
        stateLabel: 'Due',
      }),
    );
  });

  it('says how far the due date is from today', () => {
    const on = (dueOn: string) => toFollowUpRow(aFollowUpDue({ dueOn }), '2025-06-10').relative;
    expect(on('2025-06-11')).toBe('tomorrow');
    expect(on('2025-06-09')).toBe('yesterday');
    expect(on('2025-06-13')).toBe('in 3 days');
    expect(on('2025-05-01')).toBe('40 days ago');
  });
});

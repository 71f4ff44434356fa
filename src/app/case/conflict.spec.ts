import { aCase, aCauseTag } from './case-fixtures';
import { causeConflict, patientConflict } from './conflict';

describe('conflicts', () => {
  it('lists what someone else changed on the patient, and who', () => {
    const base = aCase({ phone: '0161 000 0000', status: 'triage' });
    const current = {
      ...base,
      phone: '0161 999 9999',
      status: 'assessment' as const,
      version: 4,
      updatedBy: 'Dr B Other',
      updatedAt: '2025-05-02T10:00:00.000Z',
    };
    expect(patientConflict(base, current)).toEqual({
      changedBy: 'Dr B Other',
      changedAt: '2025-05-02T10:00:00.000Z',
      changes: [
        { label: 'Phone', before: '0161 000 0000', after: '0161 999 9999' },
        { label: 'Case status', before: 'Triage', after: 'Assessment' },
      ],
    });
  });

  it('shows an emptied field as "(none)"', () => {
    const base = aCase({ email: 'a@b.org' });
    expect(patientConflict(base, { ...base, email: null }).changes).toEqual([{ label: 'Email', before: 'a@b.org', after: '(none)' }]);
  });

  it('lists what changed on a cause tag', () => {
    const base = aCauseTag({ status: 'provisional' });
    const current = { ...base, status: 'confirmed' as const, evidenceNote: 'Flexion films: motion', updatedBy: 'Dr B Other' };
    expect(causeConflict(base, current).changes).toEqual([
      { label: 'Verification status', before: 'Provisional', after: 'Confirmed' },
      { label: 'Evidence', before: 'CT: no bridging bone at L4-L5', after: 'Flexion films: motion' },
    ]);
    expect(causeConflict(undefined, current).changedBy).toBe('Dr B Other');
  });
});

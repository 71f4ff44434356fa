import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CASE_TRANSITIONS,
  OPEN_CASE_STATUSES,
  REFERRAL_PRIORITIES,
  REFERRAL_PRIORITY_LABELS,
  SEXES,
  SEX_LABELS,
  canTransition,
  comparePriority,
  isCaseStatus,
  maxPriority,
  transitionError,
  type CaseStatus,
} from './case-status';

function reachableFrom(start: CaseStatus): Set<CaseStatus> {
  const seen = new Set<CaseStatus>([start]);
  const queue: CaseStatus[] = [start];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const next of CASE_TRANSITIONS[s]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('case state machine (plan lifecycle, fbss-domain.md §5)', () => {
  it('reaches every status from referred', () => {
    expect([...reachableFrom('referred')].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('can discharge from every open status, and re-open a discharged case to triage only', () => {
    for (const s of OPEN_CASE_STATUSES) expect(canTransition(s, 'discharged')).withContext(s).toBeTrue();
    expect([...CASE_TRANSITIONS.discharged]).toEqual(['triage']);
  });

  it('has no self transitions and only known targets', () => {
    for (const s of CASE_STATUSES) {
      expect(CASE_TRANSITIONS[s]).withContext(s).not.toContain(s);
      for (const t of CASE_TRANSITIONS[s]) expect(CASE_STATUSES).toContain(t);
      expect(CASE_STATUS_LABELS[s].length).toBeGreaterThan(0);
    }
  });

  const table: [CaseStatus, CaseStatus, boolean][] = [
    ['referred', 'triage', true],
    ['referred', 'discharged', true],
    ['referred', 'assessment', false],
    ['referred', 'follow-up', false],
    ['triage', 'assessment', true],
    ['triage', 'discharged', true], // redirected
    ['triage', 'treatment', false],
    ['assessment', 'treatment', true],
    ['assessment', 'follow-up', false],
    ['treatment', 'follow-up', true],
    ['treatment', 'assessment', true],
    ['follow-up', 'treatment', true], // salvage
    ['follow-up', 'assessment', true],
    ['follow-up', 'discharged', true],
    ['follow-up', 'referred', false],
    ['discharged', 'triage', true], // re-referral
    ['discharged', 'treatment', false],
    ['discharged', 'referred', false],
    ['triage', 'triage', false],
  ];
  for (const [from, to, ok] of table) {
    it(`${from} -> ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
      expect(canTransition(from, to)).toBe(ok);
      expect(transitionError(from, to) === null).toBe(ok);
    });
  }

  it('explains a refused move with the allowed next steps', () => {
    expect(transitionError('referred', 'follow-up')).toBe(
      'A case in Referred cannot move to Follow-up. Allowed next: Triage, Discharged.',
    );
    expect(transitionError('discharged', 'treatment')).toBe(
      'A case in Discharged cannot move to Treatment. Allowed next: Triage.',
    );
    expect(transitionError('triage', 'triage')).toBe(
      'The case is already in Triage. Allowed next: Assessment, Discharged.',
    );
  });

  it('recognises statuses', () => {
    expect(isCaseStatus('follow-up')).toBeTrue();
    expect(isCaseStatus('closed')).toBeFalse();
    expect(isCaseStatus(undefined)).toBeFalse();
  });
});

describe('referral priority (FHIR ServiceRequest.priority)', () => {
  it('is ordered routine < urgent < asap < stat', () => {
    expect([...REFERRAL_PRIORITIES]).toEqual(['routine', 'urgent', 'asap', 'stat']);
    expect(comparePriority('stat', 'routine')).toBeGreaterThan(0);
    expect(comparePriority('urgent', 'asap')).toBeLessThan(0);
    expect(maxPriority('urgent', 'routine')).toBe('urgent');
    expect(maxPriority('urgent', 'stat')).toBe('stat');
    for (const p of REFERRAL_PRIORITIES) expect(REFERRAL_PRIORITY_LABELS[p].length).toBeGreaterThan(0);
  });
});

describe('administrative sex (FHIR Patient.gender)', () => {
  it('has the four FHIR codes with labels', () => {
    expect([...SEXES]).toEqual(['female', 'male', 'other', 'unknown']);
    for (const s of SEXES) expect(SEX_LABELS[s].length).toBeGreaterThan(0);
  });
});

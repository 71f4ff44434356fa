import * as z from 'zod';
import {
  CAUSE_CODES,
  CAUSE_MECHANISM_CODES,
  CAUSE_STATUSES,
  CAUSE_STATUS_LABELS,
  CAUSE_TIMINGS,
  CAUSE_TIMING_CODES,
  CAUSES,
  CLINIC_NAMED_CAUSES,
  causeByCode,
  causesByTiming,
  causeStatusToFhir,
  fhirToCauseStatus,
  isCauseCode,
  searchCauses,
  type CauseCode,
  type CauseStatus,
} from './causes';

const codesOf = (list: readonly { code: string }[]): string[] => list.map((c) => c.code);

describe('cause catalogue (fbss-domain.md §2)', () => {
  it('has the 24 tags of the brief, PRE-DX ... UND, with unique codes', () => {
    expect(CAUSES.length).toBe(24);
    expect(new Set(codesOf(CAUSES)).size).toBe(CAUSES.length);
    expect(CAUSE_CODES[0]).toBe('PRE-DX');
    expect(CAUSE_CODES[CAUSE_CODES.length - 1]).toBe('UND');
  });

  it('CAUSE_CODES lists exactly the catalogue codes, in order', () => {
    expect<string[]>([...CAUSE_CODES]).toEqual(codesOf(CAUSES));
  });

  it('every CAUSE_CODES entry has a complete definition', () => {
    for (const code of CAUSE_CODES) {
      const cause = causeByCode(code);
      expect(cause).withContext(code).toBeDefined();
      expect(cause?.code).toBe(code);
      expect(cause?.name.length).withContext(code).toBeGreaterThan(0);
      expect(cause?.shortName.length).withContext(code).toBeGreaterThan(0);
      expect(cause?.definition.length).withContext(code).toBeGreaterThan(0);
      expect(cause?.typicalEvidence.length).withContext(code).toBeGreaterThan(0);
      expect(cause?.synonyms.length).withContext(code).toBeGreaterThan(0);
      expect(CAUSE_TIMING_CODES).withContext(code).toContain(cause!.timing);
      expect(CAUSE_MECHANISM_CODES).withContext(code).toContain(cause!.mechanism);
    }
  });

  it('tag prefixes match the timing axis (Sebaaly 2018)', () => {
    for (const c of CAUSES) {
      const expected = c.code.startsWith('PRE-')
        ? 'pre-operative'
        : c.code.startsWith('OP-')
          ? 'operative'
          : c.code.startsWith('POST-')
            ? 'post-operative'
            : 'undetermined';
      expect(c.timing).withContext(c.code).toBe(expected);
    }
  });

  it('has ICD-10-CM M96.0 for pseudarthrosis and M96.3 for imbalance, and no codes on PRE-DX or UND', () => {
    expect(causeByCode('POST-PSA')?.icd10).toBe('M96.0');
    expect(causeByCode('POST-IMB')?.icd10).toBe('M96.3');
    expect(causeByCode('PRE-DX')?.icd10).toBeNull();
    expect(causeByCode('UND')?.icd10).toBeNull();
  });

  it('returns undefined for an unknown code', () => {
    expect(causeByCode('NOPE')).toBeUndefined();
    expect(isCauseCode('NOPE')).toBeFalse();
    expect(isCauseCode('POST-FIB')).toBeTrue();
    expect(isCauseCode(42)).toBeFalse();
  });

  it('works as a zod enum', () => {
    const schema = z.enum(CAUSE_CODES);
    expect(schema.parse('POST-FIB')).toBe('POST-FIB');
    expect(schema.safeParse('FOO').success).toBeFalse();
  });
});

describe('the four causes the clinic names (fbss-domain.md §2 mapping)', () => {
  const cases: { term: string; codes: CauseCode[] }[] = [
    { term: 'incorrect diagnosis', codes: ['PRE-DX'] },
    { term: 'nonunion', codes: ['POST-PSA'] },
    { term: 'surgically induced injury', codes: ['OP-NR', 'OP-DUR', 'OP-HW'] },
    { term: 'scar tissue', codes: ['POST-FIB'] },
  ];

  for (const { term, codes } of cases) {
    it(`maps "${term}" to ${codes.join(', ')}`, () => {
      const named = CLINIC_NAMED_CAUSES.find((n) => n.term === term);
      expect(named).toBeDefined();
      expect<string[]>([...named!.codes].sort()).toEqual([...codes].sort());
    });

    it(`searchCauses("${term}") finds ${codes.join(', ')}`, () => {
      const found = codesOf(searchCauses(term));
      for (const code of codes) expect(found).toContain(code);
      expect(found.length).toBe(codes.length);
    });
  }
});

describe('searchCauses', () => {
  const cases: { query: string; expected: CauseCode }[] = [
    { query: 'wrong pain generator', expected: 'PRE-DX' },
    { query: 'pseudarthrosis', expected: 'POST-PSA' },
    { query: 'failed fusion', expected: 'POST-PSA' },
    { query: 'Non-Union', expected: 'POST-PSA' },
    { query: 'non union', expected: 'POST-PSA' },
    { query: 'SCAR TISSUE', expected: 'POST-FIB' },
    { query: 'epidural fibrosis', expected: 'POST-FIB' },
    { query: 'battered root', expected: 'OP-NR' },
    { query: 'csf', expected: 'OP-DUR' },
    { query: 'post-psa', expected: 'POST-PSA' },
    { query: 'flatback', expected: 'POST-IMB' },
    { query: 'sacroiliac', expected: 'POST-SIJ' },
    { query: 'adjacent segment', expected: 'POST-ASD' },
    { query: '  discitis  ', expected: 'POST-INF' },
  ];
  for (const { query, expected } of cases) {
    it(`finds ${expected} for "${query}" (case-insensitive over code, name and synonyms)`, () => {
      expect(codesOf(searchCauses(query))).toContain(expected);
    });
  }

  it('ranks an exact code match first', () => {
    expect(searchCauses('UND')[0]?.code).toBe('UND');
    expect(searchCauses('op-hw')[0]?.code).toBe('OP-HW');
  });

  it('returns the whole catalogue for an empty query and nothing for a non-match', () => {
    expect(searchCauses('').length).toBe(CAUSES.length);
    expect(searchCauses('   ').length).toBe(CAUSES.length);
    expect(searchCauses('xyzzy')).toEqual([]);
  });
});

describe('causesByTiming', () => {
  it('groups all causes in timing order', () => {
    const groups = causesByTiming();
    expect(groups.map((g) => g.timing)).toEqual(CAUSE_TIMINGS.map((t) => t.code));
    expect(groups.map((g) => g.causes.length)).toEqual([3, 6, 14, 1]);
    expect(groups.flatMap((g) => codesOf(g.causes))).toEqual(codesOf(CAUSES));
    expect(groups[0]?.label).toBe('Pre-operative');
  });
});

describe('cause status and FHIR verificationStatus (fbss-domain.md §8)', () => {
  it('has a label for every status', () => {
    for (const s of CAUSE_STATUSES) expect(CAUSE_STATUS_LABELS[s].length).toBeGreaterThan(0);
  });

  it('round-trips every status through FHIR', () => {
    for (const s of CAUSE_STATUSES) expect(fhirToCauseStatus(causeStatusToFhir(s))).toBe(s);
  });

  const fromFhir: [string, CauseStatus | null][] = [
    ['unconfirmed', 'provisional'],
    ['provisional', 'provisional'],
    ['differential', 'differential'],
    ['confirmed', 'confirmed'],
    ['refuted', 'refuted'],
    ['entered-in-error', null],
    ['bogus', null],
    ['', null],
  ];
  for (const [code, expected] of fromFhir) {
    it(`maps FHIR "${code}" to ${String(expected)}`, () => {
      expect(fhirToCauseStatus(code)).toBe(expected);
    });
  }
});

import * as z from 'zod';
import {
  DISC_LEVEL_SNOMED,
  INDEX_PROCEDURES,
  PROCEDURE_CODES,
  SPINAL_LEVELS,
  SPINAL_LEVEL_LABELS,
  discLevelSnomed,
  isProcedureCode,
  procedureByCode,
  sortLevels,
  type ProcedureCode,
  type SpinalLevel,
} from './procedures';

describe('index-surgery procedures', () => {
  it('has unique codes and PROCEDURE_CODES matches the catalogue', () => {
    expect(new Set(PROCEDURE_CODES).size).toBe(INDEX_PROCEDURES.length);
    expect([...PROCEDURE_CODES]).toEqual(INDEX_PROCEDURES.map((p) => p.code));
    expect(z.enum(PROCEDURE_CODES).safeParse('TLIF').success).toBeTrue();
  });

  const cases: [ProcedureCode, string | null, boolean][] = [
    ['DISCECTOMY', '63030', false], // 63030 [src]
    ['MICRODISCECTOMY', '63030', false],
    ['LAMINECTOMY', '63047', false], // 63047 [src]
    ['PLF', '22612', true], // (unverified)
    ['TLIF', null, true],
    ['PLIF', null, true],
    ['ALIF', null, true],
    ['LLIF', null, true],
    ['DISC-REPLACEMENT', null, true],
    ['REVISION-DECOMPRESSION', null, false],
    ['REVISION-FUSION', null, true],
    ['OTHER', null, false],
  ];
  for (const [code, cpt, instrumented] of cases) {
    it(`${code}: CPT ${String(cpt)}, ${instrumented ? '' : 'not '}instrumented`, () => {
      const p = procedureByCode(code);
      expect(p?.cpt).toBe(cpt);
      expect(p?.instrumented).toBe(instrumented);
    });
  }

  it('knows which codes exist', () => {
    expect(isProcedureCode('TLIF')).toBeTrue();
    expect(isProcedureCode('tlif')).toBeFalse();
    expect(procedureByCode('NOPE')).toBeUndefined();
  });
});

describe('spinal levels', () => {
  it('lists lumbar levels cranial to caudal, each with a label', () => {
    expect([...SPINAL_LEVELS]).toEqual(['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']);
    for (const l of SPINAL_LEVELS) expect(SPINAL_LEVEL_LABELS[l]).toBe(l.replace('-', '/'));
  });

  const snomed: [SpinalLevel, string | null][] = [
    ['L1-L2', null],
    ['L2-L3', null],
    ['L3-L4', '62551000'],
    ['L4-L5', '84020006'],
    ['L5-S1', '715056000'],
  ];
  for (const [level, code] of snomed) {
    it(`${level} disc is SNOMED ${String(code)} (DICOM CID 7604)`, () => {
      expect(discLevelSnomed(level)).toBe(code);
      expect(DISC_LEVEL_SNOMED[level]).toBe(code);
    });
  }

  it('sorts and de-duplicates levels', () => {
    expect(sortLevels(['L5-S1', 'L3-L4', 'L5-S1', 'L4-L5'])).toEqual(['L3-L4', 'L4-L5', 'L5-S1']);
    expect(sortLevels([])).toEqual([]);
  });
});

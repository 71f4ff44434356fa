import { isCauseCode } from './causes';
import {
  BODY_REGIONS,
  BODY_REGION_LABELS,
  BODY_REGION_SNOMED,
  DERMATOMES,
  DERMATOME_TERRITORIES,
  KEY_MYOTOMES,
  KEY_REFLEXES,
  ONSETS,
  ONSET_LABELS,
  ONSET_SUGGESTED_CAUSES,
  SIDES,
  SIDE_LABELS,
  SIDE_SNOMED,
  SYMPTOM_PATTERNS,
  SYMPTOM_PATTERN_LABELS,
  SYMPTOM_TYPES,
  SYMPTOM_TYPE_LABELS,
} from './symptoms';

describe('symptom vocabulary (fbss-domain.md §3.1)', () => {
  const lists: [string, readonly string[], Readonly<Record<string, string>>][] = [
    ['SYMPTOM_TYPES', SYMPTOM_TYPES, SYMPTOM_TYPE_LABELS],
    ['SIDES', SIDES, SIDE_LABELS],
    ['BODY_REGIONS', BODY_REGIONS, BODY_REGION_LABELS],
    ['DERMATOMES', DERMATOMES, DERMATOME_TERRITORIES],
    ['ONSETS', ONSETS, ONSET_LABELS],
    ['SYMPTOM_PATTERNS', SYMPTOM_PATTERNS, SYMPTOM_PATTERN_LABELS],
  ];
  for (const [name, codes, labels] of lists) {
    it(`${name} has unique codes, each with a label`, () => {
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(labels[c]?.length).withContext(c).toBeGreaterThan(0);
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    });
  }

  it('has the symptom types of the brief', () => {
    expect([...SYMPTOM_TYPES]).toEqual([
      'persistent-back-pain',
      'leg-pain',
      'radicular-pain',
      'numbness',
      'tingling',
      'weakness',
      'other',
    ]);
  });

  it('uses SNOMED laterality codes (left 7771000, right 24028007, bilateral 51440002)', () => {
    expect(SIDE_SNOMED).toEqual({ left: '7771000', right: '24028007', bilateral: '51440002', midline: null });
  });

  it('uses SNOMED body sites for low back (37822005) and lower limb (61685007) only', () => {
    expect(BODY_REGION_SNOMED['low-back']).toBe('37822005');
    expect(BODY_REGION_SNOMED['lower-limb']).toBe('61685007');
    const coded = BODY_REGIONS.filter((r) => BODY_REGION_SNOMED[r] !== null);
    expect(coded).toEqual(['low-back', 'lower-limb']);
  });

  it('describes the dermatomes L1-S2 with the territories of the brief', () => {
    expect([...DERMATOMES]).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2']);
    expect(DERMATOME_TERRITORIES.L3).toContain('knee');
    expect(DERMATOME_TERRITORIES.L4).toContain('medial malleolus');
    expect(DERMATOME_TERRITORIES.L5).toContain('big toe');
    expect(DERMATOME_TERRITORIES.S1).toContain('little toe');
  });

  it('lists key myotomes and reflexes on known roots', () => {
    expect(KEY_MYOTOMES.map((m) => m.root)).toEqual(['L2', 'L3', 'L4', 'L5', 'S1']);
    expect(KEY_REFLEXES.map((r) => r.root)).toEqual(['L4', 'S1']);
  });

  it('suggests only real cause codes from the onset heuristic', () => {
    for (const onset of ONSETS) {
      for (const code of ONSET_SUGGESTED_CAUSES[onset]) expect(isCauseCode(code)).withContext(code).toBeTrue();
    }
    expect(ONSET_SUGGESTED_CAUSES['recurred-after-interval']).toContain('POST-RDH');
    expect(ONSET_SUGGESTED_CAUSES['new-after-surgery']).toContain('OP-NR');
  });
});

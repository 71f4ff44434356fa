import {
  NRS_MAX,
  NRS_MIC_POINTS,
  NRS_MIN,
  PAIN30_PCT,
  PAIN50_PCT,
  PAIN_BANDS,
  PAIN_BAND_LABELS,
  PAIN_SITES,
  PAIN_SITE_SNOMED,
  absoluteChange,
  odiResponder,
  painBand,
  painResponder,
  percentChange,
  type PainBand,
  type PainResponse,
} from './pain';

describe('NRS constants (fbss-domain.md §4)', () => {
  it('scores 0 to 10, with IMMPACT and Ostelo thresholds', () => {
    expect([NRS_MIN, NRS_MAX]).toEqual([0, 10]);
    expect([PAIN30_PCT, PAIN50_PCT, NRS_MIC_POINTS]).toEqual([30, 50, 2]);
    expect([...PAIN_SITES]).toEqual(['back', 'leg', 'unspecified']);
    expect(PAIN_SITE_SNOMED.back).toBe('37822005');
    expect(PAIN_SITE_SNOMED.leg).toBe('61685007');
    for (const b of PAIN_BANDS) expect(PAIN_BAND_LABELS[b].length).toBeGreaterThan(0);
  });
});

describe('painBand', () => {
  const cases: [number, PainBand][] = [
    [0, '0-3'],
    [3, '0-3'],
    [3.5, '0-3'],
    [3.99, '0-3'],
    [4, '4-6'],
    [6, '4-6'],
    [6.5, '4-6'],
    [7, '7-10'],
    [10, '7-10'],
  ];
  for (const [value, band] of cases) {
    it(`${value} -> ${band}`, () => expect(painBand(value)).toBe(band));
  }
  for (const bad of [-1, 10.5, 11, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects ${bad}`, () => expect(() => painBand(bad)).toThrowError(RangeError));
  }
});

describe('percentChange and absoluteChange', () => {
  const cases: [number | null, number | null, number | null][] = [
    [10, 7, 30],
    [10, 5, 50],
    [8, 6, 25],
    [4, 2, 50],
    [5, 5, 0],
    [4, 6, -50], // worse
    [0, 0, null], // baseline 0 is not evaluable
    [0, 3, null],
    [null, 3, null],
    [6, null, null],
  ];
  for (const [b, f, pct] of cases) {
    it(`${String(b)} -> ${String(f)} is ${String(pct)}%`, () => expect(percentChange(b, f)).toBe(pct));
  }

  it('absolute change is baseline minus follow-up (positive = better)', () => {
    expect(absoluteChange(8, 6)).toBe(2);
    expect(absoluteChange(3, 5)).toBe(-2);
    expect(absoluteChange(0, 0)).toBe(0);
    expect(absoluteChange(null, 5)).toBeNull();
  });
});

describe('painResponder (IMMPACT, Dworkin 2008; MIC, Ostelo 2008)', () => {
  type Row = [number | null, number | null, Partial<PainResponse>];
  const cases: Row[] = [
    [10, 7, { evaluable: true, percent: 30, pain30: true, pain50: false, mic2pt: true, category: 'moderate' }],
    [10, 5, { evaluable: true, percent: 50, pain30: true, pain50: true, mic2pt: true, category: 'substantial' }],
    [8, 6, { evaluable: true, percent: 25, pain30: false, pain50: false, mic2pt: true, category: 'minimal' }],
    [4, 2, { evaluable: true, percent: 50, pain30: true, pain50: true, mic2pt: true, category: 'substantial' }],
    [10, 9, { percent: 10, pain30: false, mic2pt: false, category: 'minimal' }],
    [10, 8, { percent: 20, pain30: false, mic2pt: true, category: 'minimal' }],
    [10, 10, { percent: 0, pain30: false, mic2pt: false, category: 'none' }],
    [5, 7, { percent: -40, pain30: false, pain50: false, mic2pt: false, category: 'none' }],
    [3, 0, { percent: 100, pain50: true, mic2pt: true, category: 'substantial' }],
    [0, 0, { evaluable: false, percent: null, pain30: null, pain50: null, mic2pt: false, category: 'not-evaluable' }],
    [0, 4, { evaluable: false, percent: null, pain30: null, mic2pt: false, category: 'not-evaluable' }],
    [null, 4, { evaluable: false, change: null, pain30: null, pain50: null, mic2pt: null, category: 'not-evaluable' }],
    [7, null, { evaluable: false, change: null, mic2pt: null, category: 'not-evaluable' }],
  ];
  for (const [b, f, expected] of cases) {
    it(`${String(b)} -> ${String(f)}: ${String(expected.category)}`, () => {
      expect(painResponder(b, f)).toEqual(jasmine.objectContaining(expected));
    });
  }

  // Decimal scores (e.g. averages) where plain floating point lands just below the threshold.
  const floating: [number, number, string][] = [
    [7, 4.9, 'pain30'], // (7 - 4.9) * 100 / 7 = 29.999999999999996 in IEEE 754
    [3, 2.1, 'pain30'],
    [8.2, 5.74, 'pain30'],
  ];
  for (const [b, f] of floating) {
    it(`counts ${b} -> ${f} as the 30% it is, despite floating point`, () => {
      expect(painResponder(b, f).pain30).toBeTrue();
      expect(painResponder(b, f).category).toBe('moderate');
    });
  }

  it('counts a 2-point drop computed in floating point as the MIC (4.1 -> 2.1, 8.7 -> 6.7)', () => {
    expect(painResponder(4.1, 2.1).mic2pt).toBeTrue();
    expect(painResponder(8.7, 6.7).mic2pt).toBeTrue();
    expect(painResponder(8.7, 6.8).mic2pt).toBeFalse();
  });

  it('rejects scores outside 0-10', () => {
    expect(() => painResponder(11, 5)).toThrowError(RangeError);
    expect(() => painResponder(5, -1)).toThrowError(RangeError);
    expect(() => painResponder(Number.NaN, 5)).toThrowError(RangeError);
  });
});

describe('odiResponder (MIC 10 points or 30%, Ostelo 2008)', () => {
  const cases: [
    number | null,
    number | null,
    { odi10pt: boolean | null; odi30pct: boolean | null; percent?: number | null },
  ][] = [
    [40, 30, { odi10pt: true, odi30pct: false, percent: 25 }],
    [40, 28, { odi10pt: true, odi30pct: true, percent: 30 }],
    [30, 21, { odi10pt: false, odi30pct: true, percent: 30 }],
    [50, 40.5, { odi10pt: false, odi30pct: false }],
    [16.4, 6.4, { odi10pt: true, odi30pct: true }], // 16.4 - 6.4 = 9.999999999999998 in IEEE 754
    [20, 30, { odi10pt: false, odi30pct: false, percent: -50 }],
    [0, 0, { odi10pt: false, odi30pct: null, percent: null }],
    [null, 30, { odi10pt: null, odi30pct: null, percent: null }],
  ];
  for (const [b, f, expected] of cases) {
    it(`${String(b)} -> ${String(f)}: odi10pt ${String(expected.odi10pt)}, odi30pct ${String(expected.odi30pct)}`, () => {
      expect(odiResponder(b, f)).toEqual(jasmine.objectContaining(expected));
    });
  }

  it('is not evaluable with a missing score', () => {
    expect(odiResponder(null, 20).evaluable).toBeFalse();
    expect(odiResponder(40, 30).evaluable).toBeTrue();
  });

  it('rejects scores outside 0-100', () => {
    expect(() => odiResponder(101, 20)).toThrowError(RangeError);
    expect(() => odiResponder(40, -5)).toThrowError(RangeError);
  });
});

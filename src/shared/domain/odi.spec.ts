import * as z from 'zod';
import {
  ODI_BANDS,
  ODI_BAND_LABELS,
  ODI_LOINC_PANEL,
  ODI_LOINC_SCORE,
  ODI_MIC_POINTS,
  ODI_SECTIONS,
  ODI_SECTION_IDS,
  odiAnswersFromRecord,
  odiBand,
  scoreOdi,
  type OdiBand,
  type OdiResult,
  type OdiSection,
} from './odi';

const sections: readonly OdiSection[] = ODI_SECTIONS;
const SEX_LIFE = 7;

/** Ten answers summing to `sum` (spread as evenly as possible), with the given sections left null. */
function answers(sum: number, missing: number[] = []): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: 10 }, () => 0);
  for (const i of missing) out[i] = null;
  let left = sum;
  for (let i = 0; i < 10 && left > 0; i++) {
    if (out[i] === null) continue;
    const v = Math.min(5, left);
    out[i] = v;
    left -= v;
  }
  if (left !== 0) throw new Error('bad fixture');
  return out;
}

describe('ODI v2.1a sections (Fairbank & Pynsent 2000)', () => {
  it('has ten sections of six statements, in questionnaire order', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'painIntensity',
      'personalCare',
      'lifting',
      'walking',
      'sitting',
      'standing',
      'sleeping',
      'sexLife',
      'socialLife',
      'travelling',
    ]);
    expect<string[]>([...ODI_SECTION_IDS]).toEqual(sections.map((s) => s.id));
    for (const s of sections) {
      expect(s.statements.length).withContext(s.id).toBe(6);
      expect(new Set(s.statements).size).withContext(s.id).toBe(6);
    }
    expect(z.enum(ODI_SECTION_IDS).safeParse('sexLife').success).toBeTrue();
  });

  it('marks only sex life as optional', () => {
    expect(sections.filter((s) => s.optional).map((s) => s.id)).toEqual(['sexLife']);
    expect(sections[SEX_LIFE]?.title).toBe('Sex life (if applicable)');
  });

  it('has the LOINC codes of the PACIO sample IG and a 10-point MIC', () => {
    expect(ODI_LOINC_PANEL).toBe('97908-8');
    expect(ODI_LOINC_SCORE).toBe('97909-6');
    expect(ODI_MIC_POINTS).toBe(10);
  });
});

describe('scoreOdi', () => {
  type Row = [string, (number | null)[], Partial<OdiResult>];
  const cases: Row[] = [
    [
      '16/50 = 32.0 (published example)',
      answers(16),
      { score: 32, answered: 10, sum: 16, band: 'moderate', reason: null },
    ],
    [
      '16/45 = 35.6 with one section missing (published example)',
      answers(16, [3]),
      { score: 35.6, answered: 9, sum: 16, band: 'moderate', reason: null },
    ],
    [
      'sex life skipped counts as the one missing section',
      answers(16, [SEX_LIFE]),
      { score: 35.6, answered: 9, missing: 1, reason: null },
    ],
    [
      'two sections missing: not scored',
      answers(16, [2, 5]),
      {
        score: null,
        answered: 8,
        sum: 16,
        band: null,
        reason: '2 sections unanswered: the ODI is scored only when at most one section is missing',
      },
    ],
    [
      'sex life skipped plus one more missing: not scored',
      answers(10, [SEX_LIFE, 0]),
      {
        score: null,
        missing: 2,
        reason: '2 sections unanswered: the ODI is scored only when at most one section is missing',
      },
    ],
    [
      'nothing answered: not scored',
      Array.from({ length: 10 }, () => null),
      {
        score: null,
        answered: 0,
        sum: 0,
        reason: '10 sections unanswered: the ODI is scored only when at most one section is missing',
      },
    ],
    ['all zero = 0, minimal', answers(0), { score: 0, band: 'minimal' }],
    ['all five = 100, bed-bound', answers(50), { score: 100, band: 'bed-bound' }],
    ['sum 10 of 50 = 20, still minimal', answers(10), { score: 20, band: 'minimal' }],
    ['sum 11 of 50 = 22, moderate', answers(11), { score: 22, band: 'moderate' }],
    ['sum 9 of 45 = 20.0', answers(9, [9]), { score: 20, band: 'minimal' }],
    ['sum 10 of 45 = 22.2', answers(10, [9]), { score: 22.2, band: 'moderate' }],
    ['sum 1 of 45 = 2.2', answers(1, [4]), { score: 2.2 }],
    ['sum 44 of 45 = 97.8', answers(44, [4]), { score: 97.8, band: 'bed-bound' }],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(scoreOdi(input)).toEqual(jasmine.objectContaining(expected));
    });
  }

  const invalid: [string, (number | null)[]][] = [
    ['9 answers', answers(5).slice(0, 9)],
    ['11 answers', [...answers(5), 0]],
    ['a 6', [6, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a -1', [0, -1, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a 2.5', [0, 0, 2.5, 0, 0, 0, 0, 0, 0, 0]],
    ['a NaN', [0, 0, 0, Number.NaN, 0, 0, 0, 0, 0, 0]],
  ];
  for (const [name, input] of invalid) {
    it(`throws RangeError for ${name}`, () => {
      expect(() => scoreOdi(input)).toThrowError(RangeError);
    });
  }

  it('scores answers keyed by section id', () => {
    const list = odiAnswersFromRecord({
      painIntensity: 3,
      personalCare: 1,
      lifting: 2,
      walking: 2,
      sitting: 2,
      standing: 2,
      sleeping: 2,
      socialLife: 1,
      travelling: 1,
    });
    expect(list[SEX_LIFE]).toBeNull();
    expect(scoreOdi(list).score).toBe(35.6);
  });
});

describe('odiBand (0-20 minimal ... 81-100 bed-bound)', () => {
  const cases: [number, OdiBand][] = [
    [0, 'minimal'],
    [20, 'minimal'],
    [20.5, 'moderate'],
    [21, 'moderate'],
    [40, 'moderate'],
    [40.1, 'severe'],
    [60, 'severe'],
    [61, 'crippled'],
    [80, 'crippled'],
    [80.5, 'bed-bound'],
    [100, 'bed-bound'],
  ];
  for (const [score, band] of cases) {
    it(`${score} -> ${band}`, () => expect(odiBand(score)).toBe(band));
  }
  for (const bad of [-0.1, 100.1, Number.NaN]) {
    it(`rejects ${bad}`, () => expect(() => odiBand(bad)).toThrowError(RangeError));
  }
  it('has contiguous bands with labels', () => {
    expect(ODI_BANDS[0].min).toBe(0);
    expect(ODI_BANDS[ODI_BANDS.length - 1]?.max).toBe(100);
    for (let i = 1; i < ODI_BANDS.length; i++) expect<number | undefined>(ODI_BANDS[i]?.min).toBe((ODI_BANDS[i - 1]?.max ?? NaN) + 1);
    for (const b of ODI_BANDS) expect(ODI_BAND_LABELS[b.code]).toBe(b.label);
  });
});

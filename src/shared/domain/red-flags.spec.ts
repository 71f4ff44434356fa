import * as z from 'zod';
import {
  RED_FLAGS,
  RED_FLAG_CODES,
  RED_FLAG_GROUPS,
  RED_FLAG_GROUP_LABELS,
  isRedFlagCode,
  minimumPriorityForRedFlags,
  redFlagByCode,
  redFlagsByGroup,
  type RedFlagCode,
  type RedFlagDefinition,
  type RedFlagGroup,
} from './red-flags';
import type { ReferralPriority } from './case-status';

const all: readonly RedFlagDefinition[] = RED_FLAGS;

describe('red flags (fbss-domain.md §3.2)', () => {
  it('has unique codes and RED_FLAG_CODES matches the catalogue', () => {
    expect(new Set(RED_FLAG_CODES).size).toBe(RED_FLAGS.length);
    expect<string[]>([...RED_FLAG_CODES]).toEqual(all.map((f) => f.code));
    expect(z.enum(RED_FLAG_CODES).safeParse('saddle-numbness').success).toBeTrue();
  });

  it('gives every flag a question, a known group and an action', () => {
    const groups = RED_FLAG_GROUPS.map((g) => g.code as string);
    for (const f of all) {
      expect(f.question).withContext(f.code).toMatch(/\?$/);
      expect(groups).withContext(f.code).toContain(f.group);
      expect(f.action.length).withContext(f.code).toBeGreaterThan(0);
    }
    for (const g of RED_FLAG_GROUPS) expect(RED_FLAG_GROUP_LABELS[g.code]).toBe(g.label);
  });

  const expected: [RedFlagCode, RedFlagGroup][] = [
    ['saddle-numbness', 'cauda-equina'],
    ['bladder-dysfunction', 'cauda-equina'],
    ['bowel-dysfunction', 'cauda-equina'],
    ['bilateral-sciatica', 'cauda-equina'],
    ['progressive-weakness', 'cauda-equina'],
    ['sexual-dysfunction', 'cauda-equina'],
    ['motor-deficit', 'motor'],
    ['foot-drop', 'motor'],
    ['fever', 'infection'],
    ['wound-signs', 'infection'],
    ['night-pain', 'infection'],
    ['immunosuppression-or-ivdu', 'infection'],
    ['scs-site-erythema', 'infection'],
    ['post-injection-weakness', 'post-procedure'],
    ['positional-headache', 'post-procedure'],
    ['stimulation-loss', 'device'],
    ['shocks', 'device'],
    ['lead-migration', 'device'],
    ['pocket-pain', 'device'],
    ['suicidal-ideation', 'other'],
    ['overdose-risk', 'other'],
    ['cancer-or-weight-loss', 'other'],
    ['new-trauma-or-fracture', 'other'],
  ];
  for (const [code, group] of expected) {
    it(`${code} is in group ${group}`, () => expect(redFlagByCode(code)?.group).toBe(group));
  }

  it('sends every cauda equina flag for emergency same-day MRI', () => {
    for (const f of all.filter((x) => x.group === 'cauda-equina')) {
      expect(f.action).withContext(f.code).toContain('Emergency same-day MRI and spinal surgical referral');
    }
    expect(redFlagByCode('saddle-numbness')?.question).toBe('New numbness in the saddle or perineal area?');
  });

  it('groups flags in group order with none left out', () => {
    const groups = redFlagsByGroup();
    expect(groups.map((g) => g.group)).toEqual(RED_FLAG_GROUPS.map((g) => g.code));
    expect(groups.reduce((n, g) => n + g.flags.length, 0)).toBe(RED_FLAGS.length);
    for (const g of groups) expect(g.flags.length).withContext(g.group).toBeGreaterThan(0);
  });

  it('knows which codes exist', () => {
    expect(isRedFlagCode('fever')).toBeTrue();
    expect(isRedFlagCode('Fever')).toBeFalse();
    expect(redFlagByCode('nope')).toBeUndefined();
  });

  const priorities: [string[], ReferralPriority][] = [
    [[], 'routine'],
    [['fever'], 'urgent'],
    [['pocket-pain', 'overdose-risk'], 'urgent'],
    [['fever', 'saddle-numbness'], 'stat'],
    [['unknown-flag'], 'routine'],
  ];
  for (const [codes, priority] of priorities) {
    it(`flags [${codes.join(', ')}] need at least ${priority} (any red flag blocks routine triage)`, () => {
      expect(minimumPriorityForRedFlags(codes)).toBe(priority);
    });
  }
});

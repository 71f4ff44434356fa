import { SMALL_CELL_MIN, isSuppressed, meanInterval, proportionDisclosable, suppressCells, wilsonInterval } from './stats';

describe('outcome statistics', () => {
  // Reference values: Wilson 1927; Newcombe 1998 table I (e.g. 81/263 -> 0.2553 to 0.3662).
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    // PROCESS SCS arm, 24/50 responders at 6 months (Kumar 2007); bounds computed by hand from the formula.
    [24, 50, 0.348, 0.6149],
  ];
  for (const [k, n, lo, hi] of cases) {
    it(`Wilson 95% interval for ${k}/${n} is ${lo} to ${hi}`, () => {
      const ci = wilsonInterval(k, n)!;
      expect(ci.low).toBeCloseTo(lo, 3);
      expect(ci.high).toBeCloseTo(hi, 3);
    });
  }

  it('has no interval for an empty group and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 3)).toThrowError(RangeError);
  });

  it('suppresses groups of 1 to 10 patients, not 0 or 11', () => {
    expect(SMALL_CELL_MIN).toBe(11);
    expect(isSuppressed(0)).toBeFalse();
    expect(isSuppressed(1)).toBeTrue();
    expect(isSuppressed(10)).toBeTrue();
    expect(isSuppressed(11)).toBeFalse();
  });

  it('shows a proportion only when neither part is a small cell (the rate would give it away)', () => {
    expect(proportionDisclosable(12, 34)).toBeTrue();
    expect(proportionDisclosable(0, 20)).toBeTrue(); // none of 20
    expect(proportionDisclosable(20, 20)).toBeTrue(); // all of 20
    expect(proportionDisclosable(6, 40)).toBeFalse(); // 6 responders
    expect(proportionDisclosable(35, 40)).toBeFalse(); // 5 non-responders
    expect(proportionDisclosable(0, 10)).toBeFalse(); // the group itself
    expect(proportionDisclosable(0, 0)).toBeFalse();
  });

  it('hides the cells of a row whose total is shown so that none can be worked out', () => {
    // Nothing small: all shown.
    expect(suppressCells([20, 0, 31], 51)).toEqual([20, 0, 31]);
    // One small cell: it and the smallest other non-zero cell are hidden (else total minus the rest gives it).
    expect(suppressCells([20, 4, 31, 0], 55)).toEqual([null, null, 31, 0]);
    // Two small cells: each hides the other.
    expect(suppressCells([3, 4, 40], 47)).toEqual([null, null, 40]);
    // A small total: every non-zero cell hidden.
    expect(suppressCells([6, 0, 2], 8)).toEqual([null, 0, null]);
  });

  it('gives a mean interval only with two or more values', () => {
    expect(meanInterval(5, 2, 1)).toBeNull();
    const ci = meanInterval(5, 2, 100)!;
    expect(ci.low).toBeCloseTo(4.608, 3);
    expect(ci.high).toBeCloseTo(5.392, 3);
  });
});

/**
 * Small statistics for the outcomes dashboard, shared by the server (which computes) and the SPA (which labels).
 */

/** Groups smaller than this are shown as "<11" and never computed into a visible rate (CMS cell-size convention; fbss-domain.md §9). */
export const SMALL_CELL_MIN = 11;

export function isSuppressed(n: number): boolean {
  return n > 0 && n < SMALL_CELL_MIN;
}

/**
 * Whether k of n may be shown, as a count or as a rate: neither k nor the rest (n - k) may be a small cell, since a
 * rate with its denominator, or a count with its total, gives the other away (CMS cell-size suppression: no
 * percentages or formulas that let a suppressed value be worked out; fbss-domain.md §9).
 */
export function proportionDisclosable(k: number, n: number): boolean {
  return n > 0 && !isSuppressed(n) && !isSuppressed(k) && !isSuppressed(n - k);
}

/**
 * Cells of a table row whose total is shown: null where a cell may not be shown. Primary suppression hides every
 * cell of 1-10; if exactly one cell is hidden, it could be worked out as the total minus the others, so the
 * smallest other non-zero cell is hidden too (complementary suppression). A hidden total hides every non-zero cell.
 */
export function suppressCells(cells: readonly number[], total: number): (number | null)[] {
  if (isSuppressed(total)) return cells.map((c) => (c === 0 ? 0 : null));
  const out: (number | null)[] = cells.map((c) => (isSuppressed(c) ? null : c));
  if (out.filter((c) => c === null).length === 1) {
    let smallest = -1;
    out.forEach((c, i) => {
      if (c !== null && c > 0 && (smallest < 0 || c < (out[smallest] ?? Infinity))) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927), 95% by default (z = 1.959964).
 * Better than the normal approximation for small n and for proportions near 0 or 1.
 * Returns null for n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): { low: number; high: number } | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`Need 0 <= successes <= n (integers); got ${successes}/${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** 95% confidence interval of a mean from n, mean and sample standard deviation (normal approximation). */
export function meanInterval(mean: number, sd: number | null, n: number, z = 1.959964): { low: number; high: number } | null {
  if (n < 2 || sd === null) return null;
  const half = (z * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

/** A column of a chart's table view. */
export interface TableColumn {
  id: string;
  header: string;
  /** Right-aligned (counts and rates). */
  numeric: boolean;
}

/** The numbers behind a chart, as text, for its accessible table view (the same numbers as the CSV). */
export interface ChartTable {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, string>[];
}

/** Colours readable on white and told apart with the common colour-vision deficiencies (Okabe-Ito, without yellow). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#8C564B'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#000000';
}

/** `#RRGGBB` with an alpha, for confidence bands. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

export const AXIS_TEXT = '#44474e';
export const GRID = '#e1e2e8';

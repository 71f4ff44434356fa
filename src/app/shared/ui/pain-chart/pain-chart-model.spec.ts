import type { BoxAnnotationOptions, LineAnnotationOptions } from 'chartjs-plugin-annotation';
import {
  DECIMATION,
  type PainBaseline,
  type PainChartPoint,
  PAIN_SERIES,
  buildAnnotations,
  buildChartData,
  buildOptions,
  dayStart,
  defaultBandSite,
  endOfDay,
  pointsInRange,
  rangeStart,
  reducedBy,
  seriesData,
} from './pain-chart-model';

function point(at: string, values: Partial<PainChartPoint> = {}): PainChartPoint {
  return { id: at, at, back: null, leg: null, unspecified: null, odi: null, recordedBy: 'Alex Jones', ...values };
}

const NOW = new Date(2026, 4, 31, 12).getTime(); // 31 May 2026, noon (local)
const ALL = new Set(PAIN_SERIES);

const baseline: PainBaseline = {
  treatment: 'Spinal cord stimulation',
  start: '2026-03-01',
  back: { value: 6, at: '2026-02-20T10:00:00.000Z' },
  leg: { value: 8, at: '2026-02-20T10:00:00.000Z' },
};

describe('pain chart data', () => {
  const points = [
    point('2026-05-01T09:00:00.000Z', { back: 5, leg: 4, odi: 30 }),
    point('2026-01-10T09:00:00.000Z', { back: 7, leg: 8, recordedBy: null }),
    point('2026-03-15T09:00:00.000Z', { unspecified: 6 }),
  ];

  it('draws each series from the entries that have it, oldest first, with who recorded it', () => {
    expect(seriesData(points, 'back')).toEqual([
      { x: Date.parse('2026-01-10T09:00:00.000Z'), y: 7, by: null, id: '2026-01-10T09:00:00.000Z' },
      { x: Date.parse('2026-05-01T09:00:00.000Z'), y: 5, by: 'Alex Jones', id: '2026-05-01T09:00:00.000Z' },
    ]);
    expect(seriesData(points, 'unspecified').map((p) => p.y)).toEqual([6]);
  });

  it('has a dataset per series with data: back, leg, site unspecified (imports) and ODI on the right axis', () => {
    const data = buildChartData(points, ALL, points.length);
    expect(data.datasets.map((d) => d.label)).toEqual(['Back pain', 'Leg pain', 'Site unspecified', 'ODI']);
    expect(data.datasets.map((d) => d.yAxisID)).toEqual(['y', 'y', 'y', 'y1']);
    expect(buildChartData([point('2026-05-01T09:00:00.000Z', { back: 5, leg: 4 })], ALL, 1).datasets.map((d) => d.label)).toEqual([
      'Back pain',
      'Leg pain',
    ]);
  });

  it('hides the series the legend switched off', () => {
    const data = buildChartData(points, new Set(['back'] as const), points.length);
    expect(data.datasets.map((d) => d.hidden)).toEqual([false, true, true, true]);
  });

  it('is ready for decimation (unparsed, sorted data) and drops point markers for long series', () => {
    const long = Array.from({ length: 520 }, (_, i) =>
      point(new Date(Date.UTC(2016, 0, 1 + 7 * i)).toISOString(), { back: i % 11, leg: 5 }),
    );
    const data = buildChartData(long, ALL, long.length);
    for (const dataset of data.datasets) {
      expect(dataset.parsing).toBeFalse();
      expect(dataset.normalized).toBeTrue();
      expect(dataset.pointRadius).toBe(0);
    }
    const options = buildOptions({
      range: 'all',
      now: NOW,
      baseline: null,
      bandSite: 'leg',
      treatments: [],
      visible: ALL,
      showOdiAxis: false,
      dateLocale: null,
    });
    expect(options.plugins?.decimation).toEqual(jasmine.objectContaining({ enabled: true, algorithm: 'lttb' }));
    expect(DECIMATION.threshold).toBeLessThan(520);
    expect(options.parsing).toBeFalse();
    expect(options.animation).toBeFalse();
    expect(buildChartData(points, ALL, points.length).datasets[0].pointRadius).toBeGreaterThan(0);
  });
});

describe('pain chart ranges', () => {
  it('starts 3 months, 6 months or a year back, or at the beginning', () => {
    expect(new Date(rangeStart('3m', NOW) ?? 0).toDateString()).toBe(new Date(2026, 1, 28, 12).toDateString());
    expect(new Date(rangeStart('6m', NOW) ?? 0).toDateString()).toBe(new Date(2025, 10, 30, 12).toDateString());
    expect(new Date(rangeStart('1y', NOW) ?? 0).toDateString()).toBe(new Date(2025, 4, 31).toDateString());
    expect(rangeStart('all', NOW)).toBeNull();
  });

  it('keeps the points in range', () => {
    const points = [point('2026-01-10T09:00:00.000Z', { back: 1 }), point('2026-05-01T09:00:00.000Z', { back: 2 })];
    expect(pointsInRange(points, rangeStart('3m', NOW), endOfDay(NOW)).map((p) => p.back)).toEqual([2]);
    expect(pointsInRange(points, null, endOfDay(NOW)).length).toBe(2);
  });

  it('puts the time axis from the range start to the end of today, NRS 0-10 on the left and ODI 0-100 on the right', () => {
    const options = buildOptions({
      range: '6m',
      now: NOW,
      baseline: null,
      bandSite: 'leg',
      treatments: [],
      visible: ALL,
      showOdiAxis: true,
      dateLocale: null,
    });
    const scales = options.scales as Record<string, { type?: string; min?: number; max?: number; display?: boolean | string }>;
    expect(scales['x'].type).toBe('time');
    expect(scales['x'].min).toBe(rangeStart('6m', NOW) ?? undefined);
    expect(scales['x'].max).toBe(endOfDay(NOW));
    expect([scales['y'].min, scales['y'].max]).toEqual([0, 10]);
    expect([scales['y1'].min, scales['y1'].max, scales['y1'].display]).toEqual([0, 100, true]);
  });
});

describe('pain chart annotations', () => {
  const input = { baseline, bandSite: 'leg' as const, treatments: [], visible: ALL, now: NOW };

  it('draws the baseline of each visible site as a line', () => {
    const annotations = buildAnnotations(input);
    const back = annotations['baseline-back'] as LineAnnotationOptions;
    const leg = annotations['baseline-leg'] as LineAnnotationOptions;
    expect([back.yMin, back.yMax]).toEqual([6, 6]);
    expect([leg.yMin, leg.yMax]).toEqual([8, 8]);
    expect(leg.label?.content).toBe('Leg pain baseline 8');
    expect(buildAnnotations({ ...input, visible: new Set(['back'] as const) })['baseline-leg']).toBeUndefined();
  });

  it('shades 30% and 50% below the chosen site’s baseline, from the treatment’s start', () => {
    const annotations = buildAnnotations(input);
    const moderate = annotations['band-30'] as BoxAnnotationOptions;
    const substantial = annotations['band-50'] as BoxAnnotationOptions;
    // Leg baseline 8: 30% lower is 5.6, 50% lower is 4.
    expect([moderate.yMin, moderate.yMax]).toEqual([4, 5.6]);
    expect([substantial.yMin, substantial.yMax]).toEqual([0, 4]);
    expect(moderate.xMin).toBe(dayStart('2026-03-01'));
    expect(reducedBy(10, 30)).toBe(7);
    const back = buildAnnotations({ ...input, bandSite: 'back' })['band-30'] as BoxAnnotationOptions;
    expect([back.yMin, back.yMax]).toEqual([3, 4.2]);
  });

  it('picks the worse baseline for the bands by default', () => {
    expect(defaultBandSite(baseline)).toBe('leg');
    expect(defaultBandSite({ ...baseline, back: { value: 9, at: baseline.start } })).toBe('back');
    expect(defaultBandSite(null)).toBe('leg');
  });

  it('draws no baseline or bands without a baseline', () => {
    expect(Object.keys(buildAnnotations({ ...input, baseline: null }))).toEqual([]);
  });

  it('shades courses from start to end (or today) and marks procedures on their day, never widening the axis', () => {
    const annotations = buildAnnotations({
      ...input,
      baseline: null,
      treatments: [
        { label: 'Physiotherapy', start: '2026-01-05', end: '2026-02-27', kind: 'course' },
        { label: 'Gabapentinoid', start: '2026-04-01', end: null, kind: 'course' },
        { label: 'Epidural steroid injection', start: '2026-03-10', end: null, kind: 'procedure' },
      ],
    });
    expect(Object.values(annotations).map((a) => a.type)).toEqual(['box', 'box', 'line']);
    const physio = annotations['treatment-0'] as BoxAnnotationOptions;
    const drug = annotations['treatment-1'] as BoxAnnotationOptions;
    const injection = annotations['treatment-2'] as LineAnnotationOptions;
    expect(physio.xMin).toBe(dayStart('2026-01-05'));
    expect(physio.xMax).toBe(endOfDay(dayStart('2026-02-27')));
    expect(drug.xMax).toBe(NOW);
    expect(injection.scaleID).toBe('x');
    expect(injection.value).toBe(dayStart('2026-03-10'));
    expect(injection.label?.content).toBe('Epidural steroid injection');
    for (const annotation of Object.values(annotations)) expect(annotation.adjustScaleRange).toBeFalse();
    // Labels are staggered so that treatments starting close together (or before the range) stay readable.
    expect([physio.label?.yAdjust, drug.label?.yAdjust, injection.label?.yAdjust]).toEqual([0, 16, 32]);
  });

  it('draws a course that began before the range from the left edge, so that its label is on the chart', () => {
    const from = dayStart('2026-02-01');
    const annotations = buildAnnotations({
      ...input,
      baseline: null,
      from,
      treatments: [
        { label: 'Physiotherapy', start: '2026-01-05', end: '2026-02-27', kind: 'course' },
        { label: 'Gabapentinoid', start: '2026-04-01', end: null, kind: 'course' },
      ],
    });
    expect((annotations['treatment-0'] as BoxAnnotationOptions).xMin).toBe(from);
    expect((annotations['treatment-1'] as BoxAnnotationOptions).xMin).toBe(dayStart('2026-04-01'));
  });
});

describe('pain chart tooltip', () => {
  it('shows value, date and who recorded it', () => {
    const options = buildOptions({
      range: 'all',
      now: NOW,
      baseline: null,
      bandSite: 'leg',
      treatments: [],
      visible: ALL,
      showOdiAxis: true,
      dateLocale: null,
    });
    const callbacks = options.plugins?.tooltip?.callbacks as unknown as {
      title: (items: unknown[]) => string;
      label: (item: unknown) => string;
      footer: (items: unknown[]) => string;
    };
    const raw = { x: new Date(2026, 2, 3, 10, 32).getTime(), y: 35.6, by: 'Alex Jones', id: 'a' };
    const item = { raw, dataset: { label: 'ODI' } };
    expect(callbacks.title([item])).toBe('3 Mar 2026, 10:32');
    expect(callbacks.label(item)).toBe('ODI: 35.6%');
    expect(callbacks.label({ raw: { ...raw, y: 7 }, dataset: { label: 'Leg pain' } })).toBe('Leg pain: 7');
    expect(callbacks.footer([item])).toBe('Recorded by Alex Jones');
  });
});

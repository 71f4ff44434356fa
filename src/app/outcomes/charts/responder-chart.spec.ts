import { TRIAL_POPULATION_NOTE } from '@shared/domain/benchmarks';
import { aResponderRow, aSuppressedResponderRow } from '../testing/outcomes-fixtures';
import { benchmarkText, responderChart, responderChartConfig } from './responder-chart';

describe('responder chart', () => {
  const sixMonthsLeg = { month: 6, site: 'leg', treatments: [] } as const;

  it('draws two bars per treatment, in percent, with the denominator under the name', () => {
    const model = responderChart([aResponderRow()], sixMonthsLeg);
    expect(model.categories.map((c) => c.code)).toEqual(['SCS-IMPLANT']);
    const [scs] = model.categories;
    expect(scs.pain30.value).toBeCloseTo(60);
    expect(scs.pain50.value).toBeCloseTo(45);
    expect(scs.label.at(-1)).toBe('n = 40');
    expect(model.empty).toBeFalse();
  });

  it('draws only the chosen follow-up month and pain site', () => {
    const rows = [aResponderRow({ month: 3, site: 'back', treatmentCode: 'PHYSIO' }), aResponderRow({ month: 6, site: 'leg' })];
    expect(responderChart(rows, { month: 3, site: 'back', treatments: [] }).categories.map((c) => c.code)).toEqual(['PHYSIO']);
    expect(responderChart(rows, sixMonthsLeg).categories.map((c) => c.code)).toEqual(['SCS-IMPLANT']);
  });

  it('orders treatments as the catalogue does', () => {
    const rows = [aResponderRow({ treatmentCode: 'SCS-10KHZ' }), aResponderRow({ treatmentCode: 'PHYSIO' }), aResponderRow()];
    expect(responderChart(rows, sixMonthsLeg).categories.map((c) => c.code)).toEqual(['PHYSIO', 'SCS-IMPLANT', 'SCS-10KHZ']);
  });

  describe('small groups (suppression)', () => {
    it('never draws a suppressed group: it is listed under the chart instead, and "<11" in the table', () => {
      const model = responderChart([aResponderRow(), aSuppressedResponderRow('PHYSIO')], sixMonthsLeg);
      expect(model.categories.map((c) => c.code)).toEqual(['SCS-IMPLANT']);
      expect(model.notDrawn.suppressed).toEqual(['Physiotherapy / exercise rehabilitation']);
      expect(model.note).toContain('fewer than 11 patients: Physiotherapy / exercise rehabilitation');
      const row = model.table.rows.find((r) => r['treatment'].startsWith('Physiotherapy'));
      expect(row?.['evaluable']).toBe('<11');
      expect(row?.['responders50']).toBe('<11');
      expect(row?.['rate50']).toBe('Not shown (n <11)');
    });

    it('draws no bar and no whisker for a suppressed group even when it is kept for its benchmark', () => {
      const model = responderChart([aSuppressedResponderRow('SCS-IMPLANT')], { ...sixMonthsLeg, treatments: ['SCS-IMPLANT'] });
      const [scs] = model.categories;
      expect(scs.suppressed).toBeTrue();
      expect(scs.pain30).toEqual({ value: null, interval: null });
      expect(scs.pain50).toEqual({ value: null, interval: null });
      expect(scs.label.at(-1)).toBe('n <11');
      const config = responderChartConfig(model);
      expect(config.data.datasets.map((d) => d.data)).toEqual([[null], [null]]);
      expect(config.options?.plugins?.errorBars?.intervals).toEqual([[null], [null]]);
    });

    it('ignores numbers in a row marked suppressed (never computed into a visible rate)', () => {
      const leaky = aResponderRow({ suppressed: true, evaluable: { value: null, suppressed: true } });
      const model = responderChart([leaky], { ...sixMonthsLeg, treatments: ['SCS-IMPLANT'] });
      expect(model.categories[0]?.pain50.value).toBeNull();
      expect(model.table.rows[0]?.['rate50']).not.toContain('%');
    });

    it('draws no bar for a group of 11 or more whose responders or non-responders are under 11 (the server sends no rate)', () => {
      const row = aResponderRow({ evaluable: { value: 20, suppressed: false }, pain50: { responders: null, rate: null, low: null, high: null } });
      const model = responderChart([row], sixMonthsLeg);
      expect(model.categories[0]?.pain50).toEqual({ value: null, interval: null });
      expect(model.table.rows[0]?.['responders50']).toBe('<11');
      expect(model.table.rows[0]?.['rate50']).toBe('Not shown (fewer than 11 responders or non-responders)');
    });

    it('says so when nothing can be drawn', () => {
      const model = responderChart([aSuppressedResponderRow('PHYSIO')], sixMonthsLeg);
      expect(model.empty).toBeTrue();
      expect(model.emptyText).toContain('fewer than 11 patients');
      expect(model.table.rows.length).toBe(1);
    });
  });

  describe('confidence intervals', () => {
    it('turns the Wilson interval into whiskers, in percent, per dataset and bar', () => {
      const model = responderChart([aResponderRow()], sixMonthsLeg);
      const config = responderChartConfig(model);
      const intervals = config.options?.plugins?.errorBars?.intervals;
      expect(intervals?.length).toBe(2);
      expect(intervals?.[0]?.[0]?.low).toBeCloseTo(44.6);
      expect(intervals?.[0]?.[0]?.high).toBeCloseTo(73.6);
      expect(intervals?.[1]?.[0]?.low).toBeCloseTo(30.7);
      expect(intervals?.[1]?.[0]?.high).toBeCloseTo(60.1);
      expect(config.plugins?.map((p) => p.id)).toContain('errorBars');
    });

    it('writes the interval beside the rate in the table', () => {
      const model = responderChart([aResponderRow()], sixMonthsLeg);
      expect(model.table.rows[0]).toEqual(
        jasmine.objectContaining({ evaluable: '40', missing: '12', responders30: '24', rate30: '60% (95% CI 45–74%)', rate50: '45% (95% CI 31–60%)' }),
      );
    });
  });

  describe('published benchmarks', () => {
    it('marks PROCESS (48% at 6 months, leg) over the >= 50% bar of both SCS implants', () => {
      const rows = [aResponderRow(), aResponderRow({ treatmentCode: 'SCS-10KHZ' }), aResponderRow({ treatmentCode: 'PHYSIO' })];
      const model = responderChart(rows, sixMonthsLeg);
      expect(model.markers.map((m) => [m.benchmark.id, m.categoryIndex, m.value, m.label])).toEqual([
        ['process-6m-leg', 1, 48, 'PROCESS 48%'],
        ['process-6m-leg', 2, 48, 'PROCESS 48%'],
      ]);
      const annotations = responderChartConfig(model).options?.plugins?.annotation?.annotations as Record<string, { xMin: number; yMin: number; yMax: number }>;
      expect(Object.keys(annotations)).toEqual(['process-6m-leg:SCS-IMPLANT', 'process-6m-leg:SCS-10KHZ']);
      expect(annotations['process-6m-leg:SCS-IMPLANT'].xMin).toBe(48);
      // The lower half of the treatment's row: where the >= 50% bar is.
      expect(annotations['process-6m-leg:SCS-IMPLANT'].yMin).toBeLessThan(1);
      expect(annotations['process-6m-leg:SCS-IMPLANT'].yMax).toBeGreaterThan(1);
    });

    it('uses the benchmark of the chosen month and site (SENZA-RCT for 10 kHz at 3 months)', () => {
      const model = responderChart([aResponderRow({ treatmentCode: 'SCS-10KHZ', month: 3, site: 'back' })], { month: 3, site: 'back', treatments: [] });
      expect(model.markers.map((m) => m.label)).toEqual(['SENZA-RCT 85%']);
      expect(responderChart([aResponderRow({ treatmentCode: 'PHYSIO' })], sixMonthsLeg).markers).toEqual([]);
    });

    it('keeps a filtered treatment on the chart without results, so that its benchmark stays visible', () => {
      const model = responderChart([], { ...sixMonthsLeg, treatments: ['SCS-IMPLANT'] });
      expect(model.empty).toBeFalse();
      expect(model.categories[0]?.label.at(-1)).toBe('no results yet');
      expect(model.markers.map((m) => m.label)).toEqual(['PROCESS 48%']);
    });

    it('lists every benchmark with its citation and whether it is drawn, marked as trial populations', () => {
      const model = responderChart([aResponderRow()], sixMonthsLeg);
      expect(model.trialNote).toBe(TRIAL_POPULATION_NOTE);
      expect(model.benchmarks.filter((b) => b.drawn).map((b) => b.benchmark.id)).toEqual(['process-6m-leg']);
      const process = model.benchmarks.find((b) => b.benchmark.id === 'process-6m-leg');
      expect(process?.text).toBe(
        'PROCESS: ≥50% leg-pain reduction at 6 months, 48% (24/50) with SCS + conventional medical management vs 9% (4/44) with Conventional medical management. Kumar K et al. Pain 2007;132:179-188.',
      );
      expect(model.table.rows[0]?.['benchmark']).toBe('PROCESS 48% (trial)');
    });

    it('describes benchmarks without published counts without inventing them', () => {
      const senza = responderChart([], { month: 3, site: 'leg', treatments: [] }).benchmarks.find((b) => b.benchmark.id === 'senza-3m-leg');
      expect(senza?.text).toContain('83% with 10 kHz SCS vs 56% with Traditional SCS');
      expect(senza ? benchmarkText(senza.benchmark) : '').not.toContain('/');
    });
  });

  it('summarises the chart for screen readers', () => {
    const model = responderChart([aResponderRow()], sixMonthsLeg);
    expect(model.summary).toContain('Responder rates at 6 months, leg pain.');
    expect(model.summary).toContain('60% with at least 30% and 45% with at least 50% reduction, n = 40');
    expect(model.summary).toContain('Published benchmarks: PROCESS 48% (trial populations)');
  });
});

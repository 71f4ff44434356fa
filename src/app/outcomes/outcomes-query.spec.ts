import { hasFilters, outcomesFiltersFromParams, sameFilters, selectOnOutcomes, toParams } from './outcomes-query';

describe('outcomes query (URL <-> filters)', () => {
  it('reads filters from the URL, repeated parameters as lists', () => {
    expect(outcomesFiltersFromParams({ treatment: ['SCS-IMPLANT', 'SCS-10KHZ'], status: 'treatment', referredFrom: '2025-01-01' })).toEqual(
      { referredFrom: '2025-01-01', status: ['treatment'], treatment: ['SCS-IMPLANT', 'SCS-10KHZ'] },
    );
  });

  it('drops invalid parameters one by one and keeps the rest (old bookmarks)', () => {
    expect(outcomesFiltersFromParams({ treatment: 'NOT-A-TREATMENT', cause: 'POST-FIB', referredTo: '31/12/2025' })).toEqual({
      cause: ['POST-FIB'],
    });
  });

  it('reads the clinician from the URL, and drops one that is not an id', () => {
    const clinician = '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d4e';
    expect(outcomesFiltersFromParams({ clinician, cause: 'POST-FIB' })).toEqual({ cause: ['POST-FIB'], clinician });
    expect(outcomesFiltersFromParams({ clinician: 'Dr Who', cause: 'POST-FIB' })).toEqual({ cause: ['POST-FIB'] });
    expect(toParams({ treatment: ['PHYSIO'], clinician })).toEqual({ clinician, treatment: ['PHYSIO'] });
  });

  it('ignores parameters it does not know', () => {
    expect(outcomesFiltersFromParams({ page: '2', mine: 'true' })).toEqual({});
    expect(outcomesFiltersFromParams(null)).toEqual({});
  });

  it('removes duplicates and empty values', () => {
    expect(outcomesFiltersFromParams({ cause: ['POST-FIB', 'POST-FIB'], procedure: '' })).toEqual({ cause: ['POST-FIB'] });
  });

  it('writes the same parameters for the URL and the API, in a fixed order, without empty filters', () => {
    const params = toParams({ treatment: ['SCS-IMPLANT'], procedure: [], referredFrom: '2025-01-01', status: undefined });
    expect(params).toEqual({ referredFrom: '2025-01-01', treatment: ['SCS-IMPLANT'] });
    expect(Object.keys(toParams({ treatment: ['PHYSIO'], cause: ['POST-FIB'] }))).toEqual(['cause', 'treatment']);
  });

  it('compares filters by value', () => {
    expect(sameFilters({ cause: ['POST-FIB'] }, { cause: ['POST-FIB'], status: [] })).toBeTrue();
    expect(sameFilters({ cause: ['POST-FIB'] }, {})).toBeFalse();
    expect(sameFilters(null, {})).toBeFalse();
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters({})).toBeFalse();
    expect(hasFilters({ procedure: [] })).toBeFalse();
    expect(hasFilters({ referredTo: '2025-12-31' })).toBeTrue();
  });

  it('knows when the URL is the dashboard', () => {
    expect(selectOnOutcomes.projector('/outcomes?treatment=PHYSIO')).toBeTrue();
    expect(selectOnOutcomes.projector('/worklist')).toBeFalse();
    expect(selectOnOutcomes.projector(undefined as unknown as string)).toBeFalse();
  });
});

import { fileProblem, formatBytes, jsonProblem } from './bundle-checks';

describe('bundle checks', () => {
  it('accepts a file within the limit, and refuses an empty or too large one', () => {
    expect(fileProblem({ name: 'a.json', size: 1000 }, 1000)).toBeNull();
    expect(fileProblem({ name: 'a.json', size: 0 })).toBe('a.json is empty. Choose a FHIR bundle file (JSON).');
    expect(fileProblem({ name: 'a.json', size: 1001 }, 1000)).toBe(
      "a.json is 1001 bytes; bundles of up to 1000 bytes can be imported. Export the patient's resources in a smaller bundle.",
    );
  });

  it('lets any JSON through (the server judges the structure) but not text or XML', () => {
    expect(jsonProblem('{"resourceType":"Patient"}')).toBeNull();
    expect(jsonProblem('[1, 2]')).toBeNull();
    expect(jsonProblem('   ')).toBe('The file is empty. Choose a FHIR bundle file (JSON).');
    expect(jsonProblem('<Bundle xmlns="http://hl7.org/fhir"/>')).toContain('looks like XML');
    expect(jsonProblem('{"entry": [ }')).toMatch(/^This file is not valid JSON \(/);
  });

  it('formats sizes as file managers do', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(502_478)).toBe('491 KB');
    expect(formatBytes(40 * 1024 * 1024)).toBe('40.0 MB');
  });
});

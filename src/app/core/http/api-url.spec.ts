import { isApiUrl, pathOf } from './api-url';

describe('isApiUrl', () => {
  const origin = 'https://clinic.example';

  it('accepts relative /api and /fhir paths', () => {
    expect(isApiUrl('/api/patients', origin)).toBeTrue();
    expect(isApiUrl('/api/auth/me?x=1', origin)).toBeTrue();
    expect(isApiUrl('/fhir/Patient', origin)).toBeTrue();
  });

  it('accepts absolute URLs on this origin only', () => {
    expect(isApiUrl('https://clinic.example/api/patients', origin)).toBeTrue();
    expect(isApiUrl('https://evil.example/api/patients', origin)).toBeFalse();
    expect(isApiUrl('//evil.example/api/patients', origin)).toBeFalse();
  });

  it('rejects other paths', () => {
    expect(isApiUrl('/apis', origin)).toBeFalse();
    expect(isApiUrl('/assets/logo.svg', origin)).toBeFalse();
  });
});

describe('pathOf', () => {
  it('drops the query string and origin', () => {
    expect(pathOf('/api/auth/me?x=1')).toBe('/api/auth/me');
    expect(pathOf('https://clinic.example/api/auth/login')).toBe('/api/auth/login');
  });
});

import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnUrl('/worklist?page=2&sort=-name')).toBe('/worklist?page=2&sort=-name');
    expect(safeReturnUrl('/patients/0b1c')).toBe('/patients/0b1c');
  });

  const unsafe: [string, string | null | undefined][] = [
    ['missing', undefined],
    ['empty', ''],
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash trick', '/\\evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['whitespace', '/work list'],
    ['control character', '/a\u0000b'],
    ['the sign-in page', '/login?returnUrl=/worklist'],
    ['the password page', '/change-password'],
  ];
  for (const [what, url] of unsafe) {
    it(`drops ${what}`, () => {
      expect(safeReturnUrl(url)).toBeNull();
    });
  }
});

/**
 * A return URL from the query string, if it is safe to navigate to: a path on this site (no scheme,
 * no `//host`, no backslash tricks) and not the sign-in page itself. Anything else is dropped, so a
 * crafted link cannot send a user elsewhere after signing in (open redirect).
 */
export function safeReturnUrl(url: string | null | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return null;
  // Control characters and whitespace have no place in our URLs.
  for (const ch of url) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || /\s/.test(ch)) return null;
  }
  const path = url.split(/[?#]/)[0] ?? '';
  if (path === '/login' || path === '/change-password') return null;
  return url;
}

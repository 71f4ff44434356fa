/** Paths served by our own API: `/api/...` and the FHIR facade `/fhir/...`. */
const API_PREFIXES = ['/api/', '/fhir/'];

/**
 * True for requests to our own API (relative `/api/...` or `/fhir/...` URLs, or absolute URLs on this
 * origin). Third-party URLs never get our headers.
 */
export function isApiUrl(url: string, origin: string = location.origin): boolean {
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    let parsed: URL;
    try {
      parsed = new URL(url, origin || undefined);
    } catch {
      return false;
    }
    if (parsed.origin !== origin) return false;
    path = parsed.pathname;
  }
  return API_PREFIXES.some((prefix) => path.startsWith(prefix) || path === prefix.slice(0, -1));
}

/** The path of a request URL without query string or origin, e.g. `/api/auth/me`. */
export function pathOf(url: string): string {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

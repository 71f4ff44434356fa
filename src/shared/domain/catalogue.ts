/**
 * Small helpers shared by the catalogues in this folder (causes, treatments, procedures, red flags).
 * No clinical content lives here.
 */

/** Maps a readonly tuple of `{ code }` entries to the readonly tuple of their codes (order kept). */
export type CodeTuple<T extends readonly { readonly code: string }[]> = {
  readonly [K in keyof T]: T[K]['code'];
};

/**
 * The codes of a catalogue as a non-empty readonly tuple, typed precisely so that it can be passed
 * to `z.enum(...)` and used to derive a union type.
 */
export function codesOf<const T extends readonly [{ readonly code: string }, ...{ readonly code: string }[]]>(
  items: T,
): CodeTuple<T> {
  return items.map((item) => item.code) as unknown as CodeTuple<T>;
}

/** Builds a lookup `code -> entry`; throws if two entries share a code (a catalogue bug). */
export function indexByCode<T extends { readonly code: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.code)) throw new Error(`Duplicate catalogue code: ${item.code}`);
    map.set(item.code, item);
  }
  return map;
}

/** `{ code: label }` from a catalogue of `{ code, label }` entries. */
export function labelsOf<C extends string>(
  items: readonly { readonly code: C; readonly label: string }[],
): Readonly<Record<C, string>> {
  const out = {} as Record<C, string>;
  for (const item of items) out[item.code] = item.label;
  return out;
}

/** Lower-case and strip everything that is not a letter or digit, so "Non-union" matches "nonunion". */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Search tokens of a free-text query: whitespace-separated, normalised, empty tokens dropped. */
export function searchTokens(query: string): string[] {
  return query
    .split(/\s+/)
    .map(normaliseSearchText)
    .filter((t) => t.length > 0);
}

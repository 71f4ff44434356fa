import { createHash } from 'node:crypto';
import { FHIR_IMPORT_BUNDLE_TYPES, FHIR_IMPORT_MAX_MB, type FhirImportBundleType } from '../../shared/contracts/fhir';
import { HttpProblem } from '../http/problem';
import { isObject, obj, objects, str, type JsonObject } from './json';

/**
 * Step 1 of an import: the body must be JSON and a FHIR R4 Bundle of an accepted type. Anything else is a
 * 400 whose problem+json carries an OperationOutcome-style explanation: `detail` says what is wrong and
 * `errors[]` names where (`body`, `resourceType`, `type`, `entry`).
 */

/** JSON.parse with the position of a syntax error turned into line and column. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '')
    throw new HttpProblem(400, 'The body is empty: send a FHIR R4 Bundle as JSON.', [{ path: 'body', message: 'Empty body' }]);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = jsonErrorOffset(text);
    let where = '';
    if (pos !== null) {
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const column = pos - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    throw new HttpProblem(400, `The body is not valid JSON${where}: ${message}`, [{ path: 'body', message: `Not valid JSON${where}` }]);
  }
}

class JsonErrorAt extends Error {
  constructor(readonly at: number) {
    super(`JSON error at ${at}`);
  }
}

/**
 * Where JSON text first goes wrong (a small recursive-descent scanner, run only after JSON.parse failed, because
 * V8's message does not always carry the position). Null when the scanner finds no error.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw new JsonErrorAt(i);
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (text[i] !== '"') fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return fail();
    i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === 't') {
      literal('true');
      return;
    }
    if (c === 'f') {
      literal('false');
      return;
    }
    if (c === 'n') {
      literal('null');
      return;
    }
    number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : null;
  } catch (e) {
    return e instanceof JsonErrorAt ? Math.min(e.at, text.length) : null;
  }
}

export interface BundleEntryIn {
  index: number;
  fullUrl: string | null;
  resource: JsonObject | null;
  resourceType: string | null;
  id: string | null;
  /** Bundle.entry.request.method of transaction and batch bundles (DELETE entries are not imported). */
  method: string | null;
  /** Identity of the resource in the sending system, kept as source_identifier for re-import matching. */
  sourceId: string;
}

export interface ParsedBundle {
  type: FhirImportBundleType;
  entries: BundleEntryIn[];
  /** Resolves a Reference (urn:uuid / urn:oid full URLs, absolute URLs, Type/id) to an entry of this bundle. */
  resolve(reference: unknown, from?: BundleEntryIn): BundleEntryIn | null;
}

const REL_REF = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const ABS_REF = /^(https?:\/\/.+\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The identity of a resource in its source: its first identifier (system|value), else the entry's fullUrl
 * (urn:uuid full URLs are globally unique), else Type/id, else a hash of its content (a re-import of the
 * same bundle still matches).
 */
function sourceIdOf(resource: JsonObject | null, fullUrl: string | null, resourceType: string | null, id: string | null): string {
  if (resource) {
    for (const ident of objects(resource['identifier'])) {
      const system = str(ident['system']);
      const value = str(ident['value']);
      if (system && value) return `${system}|${value}`;
    }
  }
  if (fullUrl) return fullUrl;
  if (resourceType && id) return `${resourceType}/${id}`;
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(resource ?? null))
    .digest('hex')
    .slice(0, 40)}`;
}

export function parseBundle(body: unknown): ParsedBundle {
  if (!isObject(body)) {
    throw new HttpProblem(
      400,
      `The body is ${Array.isArray(body) ? 'a JSON array' : `a JSON ${body === null ? 'null' : typeof body}`}, not a FHIR Bundle.`,
      [{ path: 'resourceType', message: 'Expected a JSON object with "resourceType": "Bundle"' }],
    );
  }
  const resourceType = body['resourceType'];
  if (resourceType !== 'Bundle') {
    const what =
      typeof resourceType === 'string'
        ? `${/^[AEIOU]/.test(resourceType) ? 'an' : 'a'} ${resourceType} resource`
        : 'not a FHIR resource (no resourceType)';
    throw new HttpProblem(
      400,
      `The body is ${what}, not a FHIR Bundle. Send one patient's resources in a Bundle of type ${FHIR_IMPORT_BUNDLE_TYPES.join(', ')}.`,
      [{ path: 'resourceType', message: 'Must be "Bundle"' }],
    );
  }
  const type = body['type'];
  if (typeof type !== 'string' || !(FHIR_IMPORT_BUNDLE_TYPES as readonly string[]).includes(type)) {
    throw new HttpProblem(
      400,
      typeof type === 'string'
        ? `A Bundle of type "${type}" cannot be imported: send a ${FHIR_IMPORT_BUNDLE_TYPES.join(', ')} Bundle.`
        : `Bundle.type is missing: send a ${FHIR_IMPORT_BUNDLE_TYPES.join(', ')} Bundle.`,
      [{ path: 'type', message: `Must be one of ${FHIR_IMPORT_BUNDLE_TYPES.join(', ')}` }],
    );
  }
  const rawEntries = body['entry'];
  if (rawEntries !== undefined && !Array.isArray(rawEntries)) {
    throw new HttpProblem(400, 'Bundle.entry must be an array of entries.', [{ path: 'entry', message: 'Must be an array' }]);
  }

  const entries: BundleEntryIn[] = (rawEntries ?? []).map((raw: unknown, index: number) => {
    const e = obj(raw);
    const resource = obj(e?.['resource']) ?? null;
    const fullUrl = str(e?.['fullUrl'])?.trim() ?? null;
    const rt = str(resource?.['resourceType']) ?? null;
    const id = str(resource?.['id']) ?? null;
    const method = str(obj(e?.['request'])?.['method'])?.toUpperCase() ?? null;
    return { index, fullUrl, resource, resourceType: rt, id, method, sourceId: sourceIdOf(resource, fullUrl, rt, id) };
  });

  const byFullUrl = new Map<string, BundleEntryIn>();
  const byTypeId = new Map<string, BundleEntryIn>();
  for (const e of entries) {
    if (!e.resource) continue;
    if (e.fullUrl && !byFullUrl.has(e.fullUrl)) byFullUrl.set(e.fullUrl, e);
    if (e.resourceType && e.id && !byTypeId.has(`${e.resourceType}/${e.id}`)) byTypeId.set(`${e.resourceType}/${e.id}`, e);
    const abs = e.fullUrl ? ABS_REF.exec(e.fullUrl) : null;
    if (abs && !byTypeId.has(`${abs[2]}/${abs[3]}`)) byTypeId.set(`${abs[2]}/${abs[3]}`, e);
  }

  return {
    type: type as FhirImportBundleType,
    entries,
    resolve(reference: unknown, from?: BundleEntryIn): BundleEntryIn | null {
      const ref = str(isObject(reference) ? reference['reference'] : reference)?.trim();
      if (!ref || ref.startsWith('#')) return null;
      const direct = byFullUrl.get(ref);
      if (direct) return direct;
      const rel = REL_REF.exec(ref);
      if (rel) {
        // A relative reference inside an entry with a RESTful fullUrl resolves against that entry's base (FHIR R4 Bundle §3.3.1.4.1).
        const base = from?.fullUrl ? ABS_REF.exec(from.fullUrl)?.[1] : undefined;
        if (base) {
          const viaBase = byFullUrl.get(`${base}${rel[1]}/${rel[2]}`);
          if (viaBase) return viaBase;
        }
        return byTypeId.get(`${rel[1]}/${rel[2]}`) ?? null;
      }
      const abs = ABS_REF.exec(ref);
      if (abs) return byTypeId.get(`${abs[2]}/${abs[3]}`) ?? null;
      return null;
    },
  };
}

export const FHIR_IMPORT_TOO_LARGE = `The bundle is larger than the ${FHIR_IMPORT_MAX_MB} MB the import accepts. Split it, or import fewer resources at a time.`;

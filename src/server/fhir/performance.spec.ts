import { Worker } from 'node:worker_threads';
import type { FhirImportReport } from '../../shared/contracts/fhir';
import { FHIR_IMPORT_MAX_BYTES, FHIR_IMPORT_MAX_MB } from '../../shared/contracts/fhir';
import { STATE_HEADERS, describeOnDatabases, hasPostgres, useTestApp, type DatabaseKind } from '../test/helper';
import { largeBundle, syntheaText } from './fixtures/bundles';

const MB = 1024 * 1024;

interface Measured {
  ms: number;
  status: number;
  report: FhirImportReport;
  /** Highest process RSS sampled (from the worker) while the import ran, minus the RSS just before it (MB). */
  rssPeakDeltaMb: number;
  /** Main-thread heap in use after the import minus before it (MB; what the import retained). */
  heapDeltaMb: number;
  /** Concurrent GET /api/auth/me (a session lookup in the database) latencies, measured by another thread over HTTP. */
  latencies: number[];
}

/**
 * A second thread signs in as another user would: GET /api/auth/me over real HTTP every 10 ms, and samples the
 * process's RSS every 5 ms. Measured from outside the main thread, so the numbers include any time the main
 * event loop was busy (parsing, mapping) as well as time queued behind the import's transaction.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const requests = [];
let rssPeak = 0;
parentPort.on('message', (m) => { if (m === 'stop') running = false; });
const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 5);
const now = () => performance.timeOrigin + performance.now();
(async () => {
  for (let i = 0; running; i++) {
    const start = now();
    const res = await fetch(workerData.url, { headers: { cookie: workerData.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('status ' + res.status);
    requests.push({ start, end: now() });
    // Warm (connection open, code compiled) after a few requests: then the import may start.
    if (i === 4) parentPort.postMessage({ ready: true, rss: process.memoryUsage().rss });
    await new Promise((r) => setTimeout(r, 10));
  }
  clearInterval(sampler);
  parentPort.postMessage({ requests, rssPeak });
})();
`;
/**
 * Import time, memory and the latency of other users' requests during an import (issue 8: on the embedded
 * database, which serialises every query, requests during the import of the largest shared bundle must still
 * answer within 1 s). Numbers are printed; the 1 s bound is asserted for the shared bundle on PGlite.
 */
describeOnDatabases('FHIR import performance', (kind: DatabaseKind) => {
  const t = useTestApp(kind);
  let spec = '';
  let nurse = '';

  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    spec = await t().login('specialist');
    nurse = await t().login('nurse');
  });

  let baseUrl = '';
  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    baseUrl = await t().app.listen({ host: '127.0.0.1', port: 0 });
  });

  async function measure(text: string): Promise<Measured> {
    const worker = new Worker(PROBE, { eval: true, workerData: { url: `${baseUrl}/api/auth/me`, cookie: nurse } });
    const messages: { ready?: boolean; rss?: number; requests?: { start: number; end: number }[]; rssPeak?: number }[] = [];
    const next = () =>
      new Promise<(typeof messages)[number]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const ready = await next();
    const heapBefore = process.memoryUsage().heapUsed;
    const importStart = performance.timeOrigin + performance.now();
    const started = performance.now();
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/fhir-import',
      headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
      payload: text,
    });
    const ms = performance.now() - started;
    const importEnd = importStart + ms;
    const heapAfter = process.memoryUsage().heapUsed;
    const done = next();
    worker.postMessage('stop');
    const result = await done;
    await worker.terminate();
    messages.push(ready, result);
    return {
      ms,
      status: res.statusCode,
      report: res.json<FhirImportReport>(),
      rssPeakDeltaMb: ((result.rssPeak ?? 0) - (ready.rss ?? 0)) / MB,
      heapDeltaMb: (heapAfter - heapBefore) / MB,
      // Every request that was in flight at some point during the import.
      latencies: (result.requests ?? []).filter((r) => r.end >= importStart && r.start <= importEnd).map((r) => r.end - r.start),
    };
  }

  const line = (what: string, m: Measured, bytes: number) =>
    `[fhir import ${kind}] ${what}: ${(bytes / MB).toFixed(2)} MB, ${m.report.entries} entries, ${m.ms.toFixed(0)} ms, ` +
    `RSS peak +${m.rssPeakDeltaMb.toFixed(0)} MB, heap retained +${m.heapDeltaMb.toFixed(0)} MB, ` +
    `concurrent /api/auth/me: ${m.latencies.length} requests during the import, max ${Math.max(0, ...m.latencies).toFixed(0)} ms`;

  it('the largest shared bundle (hassan-jacobi.json): other requests answer within 1 s during the import', async () => {
    const text = syntheaText('hassan-jacobi.json');
    const first = await measure(text);
    expect(first.status).toBe(201);

    console.log(line('hassan-jacobi.json, first import', first, Buffer.byteLength(text)));
    const again = await measure(text);
    expect(again.status).toBe(200);

    console.log(line('hassan-jacobi.json, re-import', again, Buffer.byteLength(text)));
    expect(first.latencies.length).toBeGreaterThan(0);
    if (kind === 'pglite') {
      expect(Math.max(...first.latencies, ...again.latencies)).toBeLessThan(1000);
      expect(first.ms).toBeLessThan(1000);
    }
  }, 60_000);

  it('a generated ~20 MB bundle imports in one transaction (time, memory and concurrent latency are printed)', async () => {
    const { text, painObservations } = largeBundle(20 * MB, `BIG-${kind.toUpperCase()}`);
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThanOrEqual(19.5 * MB);
    expect(bytes).toBeLessThan(FHIR_IMPORT_MAX_BYTES);
    const m = await measure(text);
    expect(m.status).withContext(JSON.stringify(m.report).slice(0, 300)).toBe(201);
    expect(m.report.counts.find((c) => c.resourceType === 'Observation')?.created).toBe(painObservations);

    console.log(line('generated bundle', m, bytes));
  }, 300_000);

  it(`refuses a bundle over ${FHIR_IMPORT_MAX_MB} MB with 413 and says what the limit is`, async () => {
    const text = `{"resourceType":"Bundle","type":"collection","entry":[],"pad":"${'x'.repeat(FHIR_IMPORT_MAX_BYTES)}"}`;
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/fhir-import',
      headers: { cookie: spec, ...STATE_HEADERS, 'content-type': 'application/fhir+json' },
      payload: text,
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain(`${FHIR_IMPORT_MAX_MB} MB`);
  }, 60_000);
});

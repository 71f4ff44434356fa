import { Actions } from '@ngrx/effects';
import type { Action, Store } from '@ngrx/store';
import { FHIR_IMPORT_MAX_BYTES } from '@shared/contracts/fhir';
import { type Observable, Subject, from, of, throwError } from 'rxjs';
import { ApiError } from '../../core/http/api-error';
import { type BundleFileReader, ChosenBundleFile, type FileReadEvent } from '../bundle-file';
import type { FhirImportApi, FhirImportProgress } from '../fhir-import-api';
import { aPreview, aReport } from '../testing/builders';
import { BundleFileActions } from './bundle-file.actions';
import { FhirImportApiActions } from './fhir-import-api.actions';
import { FhirImportPageActions } from './fhir-import-page.actions';
import { importBundle, previewBundle, readBundleFile } from './fhir-import.effects';
import { type FhirImportPhase, fhirImportFeature } from './fhir-import.feature';

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

/** A store double with the three selectors the effects read. */
function storeWith(state: { phase: FhirImportPhase; bundle: string | null; idempotencyKey?: string | null }): Store {
  const select = (selector: unknown): Observable<unknown> => {
    if (selector === fhirImportFeature.selectPhase) return of(state.phase);
    if (selector === fhirImportFeature.selectBundle) return of(state.bundle);
    if (selector === fhirImportFeature.selectIdempotencyKey) return of(state.idempotencyKey ?? null);
    throw new Error('unexpected selector');
  };
  return { select } as unknown as Store;
}

const BUNDLE = '{"resourceType":"Bundle","type":"collection","entry":[]}';

describe('FHIR import effects', () => {
  describe('readBundleFile', () => {
    let chosen: ChosenBundleFile;
    let reader: jasmine.SpyObj<BundleFileReader>;

    beforeEach(() => {
      chosen = new ChosenBundleFile();
      reader = jasmine.createSpyObj<BundleFileReader>('BundleFileReader', ['read']);
    });

    function choose(text: string, name = 'bundle.json'): Action {
      const file = new File([text], name, { type: 'application/json' });
      chosen.set(file);
      return FhirImportPageActions.fileChosen({ file: { name, size: file.size } });
    }

    it('reads the file with progress and hands on its text unchanged', () => {
      reader.read.and.returnValue(
        from<FileReadEvent[]>([
          { kind: 'progress', loaded: 10, total: 57 },
          { kind: 'loaded', text: BUNDLE },
        ]),
      );
      expect(collect(readBundleFile(new Actions(of(choose(BUNDLE))), chosen, reader))).toEqual([
        BundleFileActions.readProgressed({ loaded: 10, total: 57 }),
        BundleFileActions.readSucceeded({ text: BUNDLE }),
      ]);
      expect(chosen.take()).toBeNull();
    });

    it('refuses a file over the size limit without reading it', () => {
      const [refused] = collect(readBundleFile(new Actions(of(choose(BUNDLE, 'big.json'))), chosen, reader, 10)) as Action[];
      expect(reader.read).not.toHaveBeenCalled();
      expect((refused as ReturnType<typeof BundleFileActions.refused>).message).toContain(
        'big.json is 56 bytes; bundles of up to 10 bytes',
      );
    });

    it('says the default limit in MB', () => {
      const action = FhirImportPageActions.fileChosen({ file: { name: 'huge.json', size: FHIR_IMPORT_MAX_BYTES + 1 } });
      chosen.set(new File(['x'], 'huge.json'));
      const [refused] = collect(readBundleFile(new Actions(of(action)), chosen, reader)) as ReturnType<typeof BundleFileActions.refused>[];
      expect(refused.message).toBe(
        "huge.json is 40.0 MB; bundles of up to 40 MB can be imported. Export the patient's resources in a smaller bundle.",
      );
    });

    it("refuses text that is not JSON, with the parser's reason", () => {
      reader.read.and.returnValue(from<FileReadEvent[]>([{ kind: 'loaded', text: '{"resourceType": "Bundle",' }]));
      const [refused] = collect(readBundleFile(new Actions(of(choose('{"resourceType": "Bundle",'))), chosen, reader)) as ReturnType<
        typeof BundleFileActions.refused
      >[];
      expect(refused.message).toMatch(/^This file is not valid JSON \(.+\)\. Check that it is a complete FHIR bundle exported as JSON\.$/);
    });

    it('explains a file that cannot be read', () => {
      reader.read.and.returnValue(throwError(() => new DOMException('gone', 'NotFoundError')));
      expect(collect(readBundleFile(new Actions(of(choose(BUNDLE))), chosen, reader))).toEqual([
        BundleFileActions.refused({ message: 'bundle.json could not be read. Check that the file is still there and choose it again.' }),
      ]);
    });

    it('stops reading when the user starts over', () => {
      const events = new Subject<FileReadEvent>();
      reader.read.and.returnValue(events);
      const actions = new Subject<Action>();
      const out = collect(readBundleFile(new Actions(actions), chosen, reader));
      actions.next(choose(BUNDLE));
      actions.next(FhirImportPageActions.startOverClicked());
      events.next({ kind: 'loaded', text: BUNDLE });
      expect(out).toEqual([]);
      expect(events.observed).toBeFalse();
    });
  });

  describe('previewBundle', () => {
    let api: jasmine.SpyObj<FhirImportApi>;

    beforeEach(() => {
      api = jasmine.createSpyObj<FhirImportApi>('FhirImportApi', ['preview', 'importBundle']);
    });

    it('sends the text of the file for the preview once it is read', () => {
      api.preview.and.returnValue(of(aPreview()));
      const store = storeWith({ phase: 'previewing', bundle: BUNDLE });
      expect(collect(previewBundle(new Actions(of(BundleFileActions.readSucceeded({ text: BUNDLE }))), store, api))).toEqual([
        FhirImportApiActions.previewSucceeded({ preview: aPreview() }),
      ]);
      expect(api.preview).toHaveBeenCalledOnceWith(BUNDLE);
    });

    it("passes the server's explanation on, with its field errors", () => {
      const problem = {
        type: 'https://fbss.example/problems/validation',
        title: 'Invalid input',
        status: 400,
        detail: 'The body is a Patient resource, not a FHIR Bundle.',
        errors: [{ path: 'resourceType', message: 'Must be "Bundle"' }],
      };
      api.preview.and.returnValue(throwError(() => new ApiError(400, problem, '/api/fhir-import/preview')));
      const store = storeWith({ phase: 'previewing', bundle: BUNDLE });
      expect(collect(previewBundle(new Actions(of(FhirImportPageActions.previewRetried())), store, api))).toEqual([
        FhirImportApiActions.previewFailed({
          failure: { status: 400, message: problem.detail, fieldErrors: problem.errors },
        }),
      ]);
    });

    it('asks nothing when the page is no longer waiting for a preview', () => {
      const store = storeWith({ phase: 'choose', bundle: null });
      expect(collect(previewBundle(new Actions(of(FhirImportPageActions.previewRetried())), store, api))).toEqual([]);
      expect(api.preview).not.toHaveBeenCalled();
    });
  });

  describe('importBundle', () => {
    let api: jasmine.SpyObj<FhirImportApi>;

    beforeEach(() => {
      api = jasmine.createSpyObj<FhirImportApi>('FhirImportApi', ['preview', 'importBundle']);
    });

    it('imports once confirmed with a new Idempotency-Key, reporting upload progress, then the report', () => {
      api.importBundle.and.returnValue(
        from<FhirImportProgress[]>([
          { kind: 'upload', loaded: 20, total: 57 },
          { kind: 'upload', loaded: 57, total: 57 },
          { kind: 'done', report: aReport() },
        ]),
      );
      const store = storeWith({ phase: 'preview', bundle: BUNDLE });
      expect(collect(importBundle(new Actions(of(FhirImportPageActions.importConfirmed())), store, api, () => 'key-1'))).toEqual([
        FhirImportApiActions.importStarted({ idempotencyKey: 'key-1' }),
        FhirImportApiActions.uploadProgressed({ loaded: 20, total: 57 }),
        FhirImportApiActions.uploadProgressed({ loaded: 57, total: 57 }),
        FhirImportApiActions.importSucceeded({ report: aReport() }),
      ]);
      expect(api.importBundle).toHaveBeenCalledOnceWith(BUNDLE, 'key-1');
    });

    it('sends the same Idempotency-Key again when the user retries a failed import', () => {
      api.importBundle.and.returnValue(throwError(() => new ApiError(0, null, '/api/fhir-import')));
      const store = storeWith({ phase: 'preview', bundle: BUNDLE, idempotencyKey: 'key-1' });
      const newKey = jasmine.createSpy('newKey').and.returnValue('key-2');
      const out = collect(importBundle(new Actions(of(FhirImportPageActions.importConfirmed())), store, api, newKey));
      expect(newKey).not.toHaveBeenCalled();
      expect(api.importBundle).toHaveBeenCalledOnceWith(BUNDLE, 'key-1');
      expect(out[1]).toEqual(
        FhirImportApiActions.importFailed({
          failure: { status: 0, message: 'The server could not be reached. Check the connection and try again.', fieldErrors: [] },
        }),
      );
    });

    it('ignores a second click while the import runs', () => {
      const progress = new Subject<FhirImportProgress>();
      api.importBundle.and.returnValue(progress);
      const store = storeWith({ phase: 'preview', bundle: BUNDLE });
      const out = collect(
        importBundle(
          new Actions(of(FhirImportPageActions.importConfirmed(), FhirImportPageActions.importConfirmed())),
          store,
          api,
          () => 'key-1',
        ),
      );
      expect(api.importBundle).toHaveBeenCalledTimes(1);
      expect(out).toEqual([FhirImportApiActions.importStarted({ idempotencyKey: 'key-1' })]);
    });

    it('imports nothing without a preview', () => {
      const store = storeWith({ phase: 'choose', bundle: null });
      expect(collect(importBundle(new Actions(of(FhirImportPageActions.importConfirmed())), store, api))).toEqual([]);
      expect(api.importBundle).not.toHaveBeenCalled();
    });
  });
});

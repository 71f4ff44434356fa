import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { NewAssessmentBody } from '@shared/contracts/assessments';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { type Observable, Subject, firstValueFrom, of, throwError } from 'rxjs';
import { AuthPageActions } from '../../auth/state/auth-page.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import { ApiError } from '../../core/http/api-error';
import { aUser } from '../../testing/fixtures';
import { AssessmentsApi, type CreatedAssessment } from '../assessments-api';
import { NURSE_ID, OTHER_ID, PATIENT_ID, anAssessment } from '../testing/builders';
import { AssessmentOutbox, BEFORE_SIGN_OUT_EVENT, type Delivery, RETRY_MAX_MS, STALE_AFTER_MS, retryDelay } from './assessment-outbox';
import { OUTBOX_STORAGE, outboxKey, readOutbox } from './outbox-storage';

/** A Storage kept in a Map: what localStorage would hold across a reload. */
class FakeStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const nurse = aUser({ id: NURSE_ID, displayName: 'Alex Jones' });
const colleague = aUser({ id: OTHER_ID, username: 'nurse.lee', displayName: 'Sam Lee' });
const body: NewAssessmentBody = { recordedAt: '2026-05-01T09:00:00.000Z', backNrs: 7, legNrs: 8 };
const offline = (): ApiError => new ApiError(0, null, '/api/patients/x/assessments');
const refused = (): ApiError =>
  new ApiError(
    400,
    {
      type: PROBLEM_TYPES[400],
      title: 'Invalid input',
      status: 400,
      detail: 'Check the highlighted fields.',
      errors: [{ path: 'legNrs', message: 'Enter both back and leg pain' }],
    },
    null,
  );

describe('AssessmentOutbox', () => {
  let storage: FakeStorage;
  let api: jasmine.SpyObj<AssessmentsApi>;
  let dialog: jasmine.SpyObj<MatDialog>;
  let now: number;
  let outbox: AssessmentOutbox;
  let store: MockStore;

  /** A fresh app on the same browser storage (a reload), signed in as `user`. */
  function start(user: typeof nurse | null): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideMockStore({ selectors: [{ selector: authFeature.selectUser, value: user }] }),
        { provide: AssessmentsApi, useValue: api },
        { provide: MatDialog, useValue: dialog },
        { provide: CLOCK, useValue: { now: () => now } },
        { provide: OUTBOX_STORAGE, useValue: storage },
      ],
    });
    store = TestBed.inject(MockStore);
    outbox = TestBed.inject(AssessmentOutbox);
    TestBed.tick();
  }

  function signInAs(user: typeof nurse | null): void {
    store.overrideSelector(authFeature.selectUser, user);
    store.refreshState();
    TestBed.tick();
  }

  function created(assessmentBody: Partial<ReturnType<typeof anAssessment>> = {}): Observable<CreatedAssessment> {
    return of({ assessment: anAssessment(assessmentBody), replayed: false });
  }

  beforeEach(() => {
    storage = new FakeStorage();
    api = jasmine.createSpyObj<AssessmentsApi>('AssessmentsApi', ['create', 'list']);
    dialog = jasmine.createSpyObj<MatDialog>('MatDialog', ['open']);
    now = Date.parse('2026-05-01T09:00:00.000Z');
  });

  afterEach(() => {
    TestBed.inject(MockStore, null)?.resetSelectors();
  });

  it('reports "saved" only with the server’s 201 answer, and keeps nothing', async () => {
    start(nurse);
    const assessment = anAssessment();
    api.create.and.returnValue(of({ assessment, replayed: false }));
    const outcome = await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    expect(outcome).toEqual({ kind: 'saved', key: jasmine.any(String), assessment });
    expect(api.create).toHaveBeenCalledOnceWith(PATIENT_ID, body, outcome.key);
    expect(outbox.count()).toBe(0);
    expect(storage.getItem(outboxKey(NURSE_ID))).toBeNull();
  });

  it('stores the entry before sending it (a reload mid-request sends it again with the same key)', async () => {
    start(nurse);
    const answer = new Subject<CreatedAssessment>();
    api.create.and.returnValue(answer);
    const pending = firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    await Promise.resolve();
    const [stored] = readOutbox(storage, NURSE_ID);
    expect(stored.body).toEqual(body);
    expect(stored.key).toBe(api.create.calls.mostRecent().args[2]);
    answer.next({ assessment: anAssessment(), replayed: false });
    answer.complete();
    await pending;
  });

  it('keeps an entry it could not send as pending, and retries it with the same Idempotency-Key', async () => {
    start(nurse);
    api.create.and.returnValues(
      throwError(() => offline()),
      created(),
    );
    const outcome = await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    expect(outcome.kind).toBe('queued');
    expect(outbox.entries().map((e) => e.key)).toEqual([outcome.key]);
    expect(outbox.entries()[0].attempts).toBe(1);
    expect(outbox.entries()[0].nextAttemptAt).toBe(now + retryDelay(1));

    const delivered: Delivery[] = [];
    outbox.delivered$.subscribe((d) => delivered.push(d));
    // Not due yet.
    await outbox.flush();
    expect(api.create).toHaveBeenCalledTimes(1);
    now += retryDelay(1);
    await outbox.flush();
    expect(api.create).toHaveBeenCalledTimes(2);
    expect(api.create.calls.argsFor(1)).toEqual([PATIENT_ID, body, outcome.key]);
    expect(delivered.map((d) => d.entry.key)).toEqual([outcome.key]);
    expect(outbox.count()).toBe(0);
  });

  it('retries at once when the browser comes back online', async () => {
    start(nurse);
    api.create.and.returnValues(
      throwError(() => offline()),
      created(),
    );
    await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    window.dispatchEvent(new Event('online'));
    await outbox.flush();
    expect(api.create).toHaveBeenCalledTimes(2);
    expect(outbox.count()).toBe(0);
  });

  it('survives a reload: a new app on the same storage sends the entry, same key and body', async () => {
    start(nurse);
    api.create.and.returnValue(throwError(() => offline()));
    const { key } = await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));

    api.create.and.returnValue(created());
    api.create.calls.reset();
    start(nurse);
    await outbox.flush();
    expect(api.create).toHaveBeenCalledOnceWith(PATIENT_ID, body, key);
    expect(readOutbox(storage, NURSE_ID)).toEqual([]);
  });

  it('belongs to its user: another user of the browser neither sees nor sends it', async () => {
    start(nurse);
    api.create.and.returnValue(throwError(() => offline()));
    const { key } = await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    api.create.calls.reset();
    api.create.and.returnValue(created());

    signInAs(null);
    expect(outbox.entries()).toEqual([]);
    signInAs(colleague);
    await outbox.flush();
    outbox.retryNow();
    await outbox.flush();
    expect(outbox.entries()).toEqual([]);
    expect(api.create).not.toHaveBeenCalled();
    expect(storage.getItem(outboxKey(OTHER_ID))).toBeNull();

    // Back to its user: sent.
    signInAs(nurse);
    await outbox.flush();
    expect(api.create).toHaveBeenCalledOnceWith(PATIENT_ID, body, key);
  });

  it('a refusal from the form is not kept (the form shows why, with the field errors)', async () => {
    start(nurse);
    api.create.and.returnValue(throwError(() => refused()));
    const outcome = await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    expect(outcome).toEqual({
      kind: 'rejected',
      key: jasmine.any(String),
      refusal: {
        status: 400,
        message: 'Check the highlighted fields.',
        fieldErrors: [{ path: 'legNrs', message: 'Enter both back and leg pain' }],
      },
    });
    expect(outbox.count()).toBe(0);
  });

  it('a later refusal keeps the entry, marked failed with the reason, and stops retrying it', async () => {
    start(nurse);
    api.create.and.returnValues(
      throwError(() => offline()),
      throwError(() => refused()),
    );
    await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    outbox.retryNow();
    await outbox.flush();
    expect(outbox.entries()[0]).toEqual(jasmine.objectContaining({ status: 'failed', lastError: 'Check the highlighted fields.' }));
    outbox.retryNow();
    await outbox.flush();
    expect(api.create).toHaveBeenCalledTimes(2);
    outbox.discard(outbox.entries()[0].key);
    expect(outbox.count()).toBe(0);
  });

  it('checks an entry older than the server keeps keys against the record before sending it again', async () => {
    start(nurse);
    api.create.and.returnValue(throwError(() => offline()));
    await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
    now += STALE_AFTER_MS + 1;
    const arrived = anAssessment({ recordedAt: body.recordedAt, recordedById: NURSE_ID });
    api.list.and.returnValue(of([arrived]));
    api.create.calls.reset();
    outbox.retryNow();
    await outbox.flush();
    expect(api.create).not.toHaveBeenCalled();
    expect(outbox.count()).toBe(0);
  });

  it('backs off from 2 seconds, doubling, up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelay(20)).toBe(RETRY_MAX_MS);
  });

  describe('signing out', () => {
    it('asks first while entries are waiting, and signs out when confirmed', async () => {
      start(nurse);
      api.create.and.returnValue(throwError(() => offline()));
      await firstValueFrom(outbox.submit(PATIENT_ID, 'Okafor, Ada (MRN-77)', body));
      dialog.open.and.returnValue({ afterClosed: () => of(true) } as unknown as ReturnType<MatDialog['open']>);
      spyOn(store, 'dispatch');
      const event = new Event(BEFORE_SIGN_OUT_EVENT, { cancelable: true });
      expect(window.dispatchEvent(event)).toBeFalse();
      expect(dialog.open).toHaveBeenCalledTimes(1);
      expect(store.dispatch).toHaveBeenCalledOnceWith(AuthPageActions.signOutClicked());
    });

    it('lets the sign-out go on with nothing waiting', () => {
      start(nurse);
      expect(window.dispatchEvent(new Event(BEFORE_SIGN_OUT_EVENT, { cancelable: true }))).toBeTrue();
      expect(dialog.open).not.toHaveBeenCalled();
    });
  });
});

import type { MatSnackBar } from '@angular/material/snack-bar';
import type { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import { type Observable, Subject, VirtualTimeScheduler, of, throwError } from 'rxjs';
import { ApiError } from '../../core/http/api-error';
import { aCase } from '../../case/case-fixtures';
import type { ReferralApi } from '../referral-api';
import { ReferralApiActions } from './referral-api.actions';
import { ReferralPageActions } from './referral-page.actions';
import { checkMrn, openRegisteredCase, register } from './referral.effects';

function collect(source: Observable<unknown>): unknown[] {
  const out: unknown[] = [];
  source.subscribe((value) => out.push(value));
  return out;
}

describe('referral effects', () => {
  let api: jasmine.SpyObj<ReferralApi>;

  beforeEach(() => {
    api = jasmine.createSpyObj<ReferralApi>('ReferralApi', ['checkMrn', 'register']);
  });

  it('checks a valid MRN once typing pauses', () => {
    api.checkMrn.and.returnValue(of({ exists: false, patient: null }));
    const scheduler = new VirtualTimeScheduler();
    const actions = new Subject<Action>();
    const out = collect(checkMrn(new Actions(actions), api, 400, scheduler));
    actions.next(ReferralPageActions.mrnChanged({ mrn: 'mr' }));
    actions.next(ReferralPageActions.mrnChanged({ mrn: 'mrn42' }));
    scheduler.flush();
    expect(api.checkMrn).toHaveBeenCalledOnceWith('MRN42');
    expect(out).toEqual([
      ReferralApiActions.mrnCheckStarted({ mrn: 'MRN42' }),
      ReferralApiActions.mrnCheckSucceeded({ mrn: 'MRN42', result: { exists: false, patient: null } }),
    ]);
  });

  it('does not check an MRN the contract refuses', () => {
    const scheduler = new VirtualTimeScheduler();
    const actions = new Subject<Action>();
    collect(checkMrn(new Actions(actions), api, 400, scheduler));
    actions.next(ReferralPageActions.mrnChanged({ mrn: 'x!' }));
    scheduler.flush();
    expect(api.checkMrn).not.toHaveBeenCalled();
  });

  it('registers with the Idempotency-Key of the submission', () => {
    const response = { patient: aCase(), createdPatient: true };
    api.register.and.returnValue(of(response));
    const body = {} as never;
    expect(collect(register(new Actions(of(ReferralPageActions.submitted({ body, idempotencyKey: 'k1' }))), api))).toEqual([
      ReferralApiActions.registerSucceeded({ response }),
    ]);
    expect(api.register).toHaveBeenCalledOnceWith(body, 'k1');
  });

  it('passes on field errors of a 400', () => {
    api.register.and.returnValue(
      throwError(
        () =>
          new ApiError(
            400,
            { type: 'x', title: 'Invalid', status: 400, errors: [{ path: 'surgeries.0.performedOn', message: 'Too late' }] },
            null,
          ),
      ),
    );
    const [action] = collect(
      register(new Actions(of(ReferralPageActions.submitted({ body: {} as never, idempotencyKey: 'k' }))), api),
    ) as ReturnType<typeof ReferralApiActions.registerFailed>[];
    expect(action.failure.fieldErrors).toEqual([{ path: 'surgeries.0.performedOn', message: 'Too late' }]);
  });

  it('opens the case and says whether a new episode was added to a known patient', () => {
    const router = jasmine.createSpyObj<Router>('Router', ['navigate']);
    router.navigate.and.resolveTo(true);
    const snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
    const patient = aCase({ familyName: 'Okafor', givenName: 'Ada', mrn: 'MRN0042' });
    collect(
      openRegisteredCase(
        new Actions(of(ReferralApiActions.registerSucceeded({ response: { patient, createdPatient: false } }))),
        router,
        snackBar,
      ),
    );
    expect(router.navigate).toHaveBeenCalledOnceWith(['/patients', patient.id]);
    expect(snackBar.open.calls.mostRecent().args[0]).toBe('New referral episode added to Okafor, Ada (MRN MRN0042 was already known).');
  });
});

import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Mrn } from '@shared/contracts/patients';
import { type SchedulerLike, asyncScheduler, catchError, concat, debounceTime, exhaustMap, map, of, switchMap, tap } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { saveFailure } from '../../case/operation';
import { ReferralApi } from '../referral-api';
import { ReferralApiActions } from './referral-api.actions';
import { ReferralPageActions } from './referral-page.actions';
import { normaliseMrn } from './referral.feature';

export const MRN_CHECK_DEBOUNCE_MS = 400;

/** Once the MRN is valid and the user pauses, asks whether it is known (a newer MRN cancels an older check). */
export const checkMrn = createEffect(
  (actions$ = inject(Actions), api = inject(ReferralApi), debounce = MRN_CHECK_DEBOUNCE_MS, scheduler: SchedulerLike = asyncScheduler) => {
    return actions$.pipe(
      ofType(ReferralPageActions.mrnChanged),
      debounceTime(debounce, scheduler),
      map(({ mrn }) => normaliseMrn(mrn)),
      switchMap((mrn) =>
        Mrn.safeParse(mrn).success
          ? concat(
              of(ReferralApiActions.mrnCheckStarted({ mrn })),
              api.checkMrn(mrn).pipe(
                map((result) => ReferralApiActions.mrnCheckSucceeded({ mrn, result })),
                catchError((error: unknown) => of(ReferralApiActions.mrnCheckFailed({ mrn, error: errorMessage(error) }))),
              ),
            )
          : of(),
      ),
    );
  },
  { functional: true },
);

/** One registration at a time (the button is busy until the server answers). */
export const register = createEffect(
  (actions$ = inject(Actions), api = inject(ReferralApi)) => {
    return actions$.pipe(
      ofType(ReferralPageActions.submitted),
      exhaustMap(({ body, idempotencyKey }) =>
        api.register(body, idempotencyKey).pipe(
          map((response) => ReferralApiActions.registerSucceeded({ response })),
          catchError((error: unknown) => of(ReferralApiActions.registerFailed({ failure: saveFailure(error) }))),
        ),
      ),
    );
  },
  { functional: true },
);

/** Opens the case that was registered, and says whether it is a new patient or a new episode. */
export const openRegisteredCase = createEffect(
  (actions$ = inject(Actions), router = inject(Router), snackBar = inject(MatSnackBar)) => {
    return actions$.pipe(
      ofType(ReferralApiActions.registerSucceeded),
      tap(({ response: { patient, createdPatient } }) => {
        const name = `${patient.familyName}, ${patient.givenName}`;
        const message = createdPatient
          ? `Referral registered: ${name} is on the worklist.`
          : `New referral episode added to ${name} (MRN ${patient.mrn} was already known).`;
        void router.navigate(['/patients', patient.id]);
        snackBar.open(message, 'Dismiss', { duration: 8000 });
      }),
    );
  },
  { functional: true, dispatch: false },
);

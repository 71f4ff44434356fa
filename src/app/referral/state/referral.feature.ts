import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { MrnCheckResponse } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import { ReferralApiActions } from './referral-api.actions';
import { ReferralPageActions } from './referral-page.actions';

export interface ReferralState {
  /** The MRN in the form (normalised), whatever has been checked. */
  mrn: string | null;
  /** The answer for an MRN (kept only while the form still shows that MRN). */
  mrnCheck: { mrn: string; result: MrnCheckResponse } | null;
  mrnChecking: boolean;
  mrnCheckError: string | null;
  submitting: boolean;
  error: string | null;
  fieldErrors: FieldError[];
  /** Successful registrations, so the form can reset. */
  registered: number;
}

export const initialReferralState: ReferralState = {
  mrn: null,
  mrnCheck: null,
  mrnChecking: false,
  mrnCheckError: null,
  submitting: false,
  error: null,
  fieldErrors: [],
  registered: 0,
};

/** MRNs are matched case-insensitively by the server. */
export const normaliseMrn = (mrn: string): string => mrn.trim().toUpperCase();

export const referralFeature = createFeature({
  name: 'referral',
  reducer: createReducer(
    initialReferralState,
    on(ReferralPageActions.opened, (state): ReferralState => ({ ...initialReferralState, registered: state.registered })),
    on(ReferralPageActions.mrnChanged, (state, { mrn }): ReferralState => {
      const normalised = normaliseMrn(mrn);
      if (normalised === state.mrn) return state;
      return { ...state, mrn: normalised, mrnCheck: null, mrnChecking: false, mrnCheckError: null };
    }),
    on(
      ReferralApiActions.mrnCheckStarted,
      (state, { mrn }): ReferralState => (mrn === state.mrn ? { ...state, mrnChecking: true, mrnCheckError: null } : state),
    ),
    on(
      ReferralApiActions.mrnCheckSucceeded,
      (state, { mrn, result }): ReferralState => (mrn === state.mrn ? { ...state, mrnCheck: { mrn, result }, mrnChecking: false } : state),
    ),
    on(
      ReferralApiActions.mrnCheckFailed,
      (state, { mrn, error }): ReferralState => (mrn === state.mrn ? { ...state, mrnChecking: false, mrnCheckError: error } : state),
    ),
    on(ReferralPageActions.submitted, (state): ReferralState => ({ ...state, submitting: true, error: null, fieldErrors: [] })),
    on(
      ReferralApiActions.registerSucceeded,
      (state): ReferralState => ({
        ...initialReferralState,
        registered: state.registered + 1,
      }),
    ),
    on(
      ReferralApiActions.registerFailed,
      (state, { failure }): ReferralState => ({
        ...state,
        submitting: false,
        error: failure.message,
        fieldErrors: failure.status === 400 ? [...failure.fieldErrors] : [],
      }),
    ),
  ),
  extraSelectors: ({ selectMrnCheck, selectMrn }) => ({
    /** The known patient for the MRN in the form: saving adds a referral episode to them. */
    selectKnownPatient: createSelector(selectMrnCheck, selectMrn, (check, mrn) =>
      check?.mrn === mrn && check.result.exists ? check.result.patient : null,
    ),
  }),
});

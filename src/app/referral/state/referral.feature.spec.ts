import { aCase } from '../../case/case-fixtures';
import { ReferralApiActions } from './referral-api.actions';
import { ReferralPageActions } from './referral-page.actions';
import { initialReferralState, referralFeature } from './referral.feature';

describe('referralFeature', () => {
  const { reducer } = referralFeature;
  const known = { id: aCase().id, familyName: 'Okafor', givenName: 'Ada', dateOfBirth: '1965-04-12', referrals: 1 };

  it('knows the patient of the MRN in the form, and forgets them when the MRN changes', () => {
    let state = reducer(initialReferralState, ReferralPageActions.mrnChanged({ mrn: ' mrn42 ' }));
    state = reducer(state, ReferralApiActions.mrnCheckStarted({ mrn: 'MRN42' }));
    expect(state.mrnChecking).toBeTrue();
    state = reducer(state, ReferralApiActions.mrnCheckSucceeded({ mrn: 'MRN42', result: { exists: true, patient: known } }));
    expect(referralFeature.selectKnownPatient({ referral: state })).toEqual(known);
    state = reducer(state, ReferralPageActions.mrnChanged({ mrn: 'MRN43' }));
    expect(referralFeature.selectKnownPatient({ referral: state })).toBeNull();
  });

  it('ignores the answer for an MRN no longer in the form', () => {
    let state = reducer(initialReferralState, ReferralPageActions.mrnChanged({ mrn: 'MRN43' }));
    state = reducer(state, ReferralApiActions.mrnCheckSucceeded({ mrn: 'MRN42', result: { exists: true, patient: known } }));
    expect(state.mrnCheck).toBeNull();
  });

  it('tracks the submission: field errors of a 400, a message otherwise', () => {
    const body = {} as never;
    let state = reducer(initialReferralState, ReferralPageActions.submitted({ body, idempotencyKey: 'k' }));
    expect(state.submitting).toBeTrue();
    state = reducer(
      state,
      ReferralApiActions.registerFailed({
        failure: { status: 400, message: 'Check the fields', fieldErrors: [{ path: 'patient.mrn', message: 'Too short' }], current: null },
      }),
    );
    expect(state.submitting).toBeFalse();
    expect(state.fieldErrors).toEqual([{ path: 'patient.mrn', message: 'Too short' }]);
    state = reducer(state, ReferralApiActions.registerSucceeded({ response: { patient: aCase(), createdPatient: true } }));
    expect(state).toEqual({ ...initialReferralState, registered: 1 });
  });
});

import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../core/http/api-error';
import { aUserSummary } from '../admin-fixtures';
import { changeFailure } from './change-failure';

describe('changeFailure', () => {
  it('keeps the field errors of a 400', () => {
    const error = new ApiError(
      400,
      {
        type: PROBLEM_TYPES[400],
        title: 'The request has invalid fields',
        status: 400,
        detail: 'That username is taken.',
        errors: [{ path: 'username', message: 'That username is taken' }],
      },
      '/api/admin/users',
    );
    expect(changeFailure('r1', error)).toEqual({
      requestId: 'r1',
      status: 400,
      message: 'That username is taken.',
      fieldErrors: [{ path: 'username', message: 'That username is taken' }],
      current: null,
      changedBy: null,
    });
  });

  it('parses the current record of a 409', () => {
    const current = aUserSummary({ version: 4 });
    const error = new ApiError(409, { type: PROBLEM_TYPES[409], title: 'Someone else changed this record', status: 409, current }, null);
    expect(changeFailure('r2', error).current).toEqual(current);
  });

  it('ignores a 409 body that is not a user', () => {
    const error = new ApiError(
      409,
      { type: PROBLEM_TYPES[409], title: 'Someone else changed this record', status: 409, current: { id: 1 } },
      null,
    );
    expect(changeFailure('r3', error).current).toBeNull();
  });

  it('explains a network failure', () => {
    expect(changeFailure('r4', new ApiError(0, null, null))).toEqual(
      jasmine.objectContaining({ status: 0, message: NETWORK_ERROR_MESSAGE }),
    );
  });
});

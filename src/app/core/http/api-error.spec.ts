import { HttpErrorResponse } from '@angular/common/http';
import { PatientListResponse } from '@shared/contracts/patients';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { ApiError, NETWORK_ERROR_MESSAGE, UNREADABLE_RESPONSE_MESSAGE, errorMessage } from './api-error';

describe('ApiError', () => {
  it('carries the problem and its field errors', () => {
    const problem = {
      type: PROBLEM_TYPES[400],
      title: 'Invalid input',
      status: 400,
      detail: 'Check the highlighted fields.',
      errors: [{ path: 'surgeries.0.date', message: 'Enter a date' }],
    };
    const error = ApiError.fromResponse(new HttpErrorResponse({ status: 400, error: problem, url: '/api/patients' }));
    expect(error.problem).toEqual(problem);
    expect(error.fieldErrors).toEqual([{ path: 'surgeries.0.date', message: 'Enter a date' }]);
    expect(error.message).toBe('Check the highlighted fields.');
  });

  it('falls back to the title, then the status, for 4xx', () => {
    expect(new ApiError(404, { type: PROBLEM_TYPES[404], title: 'Not found', status: 404 }, null).message).toBe('Not found');
    expect(ApiError.fromResponse(new HttpErrorResponse({ status: 418, error: '<html>' })).message).toBe('The request failed (HTTP 418).');
  });
});

describe('errorMessage', () => {
  it('explains a network failure', () => {
    expect(errorMessage(new HttpErrorResponse({ status: 0 }))).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('explains a response that breaks the contract without showing its details', () => {
    spyOn(console, 'error');
    const parsed = PatientListResponse.safeParse({ items: 'nope' });
    expect(parsed.success).toBeFalse();
    expect(errorMessage(parsed.error)).toBe(UNREADABLE_RESPONSE_MESSAGE);
    expect(console.error).toHaveBeenCalled();
  });

  it('uses the fallback for anything else', () => {
    expect(errorMessage(new Error('boom'), 'Could not save.')).toBe('Could not save.');
  });
});

import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { PROBLEM_TYPES } from '@shared/contracts/problem';
import { AppErrorHandler, UNEXPECTED_ERROR_MESSAGE } from './error-handler';
import { ApiError } from './http/api-error';

describe('AppErrorHandler', () => {
  let handler: AppErrorHandler;
  let snackBar: jasmine.SpyObj<MatSnackBar>;

  beforeEach(() => {
    snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
    TestBed.configureTestingModule({
      providers: [
        { provide: ErrorHandler, useClass: AppErrorHandler },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    handler = TestBed.inject(ErrorHandler) as AppErrorHandler;
    spyOn(console, 'error');
  });

  it('shows a plain message without the error details', async () => {
    handler.handleError(new TypeError("Cannot read properties of undefined (reading 'mrn')"));
    await handler.lastNotice;
    expect(snackBar.open).toHaveBeenCalledOnceWith(UNEXPECTED_ERROR_MESSAGE, 'Dismiss', jasmine.any(Object));
    expect(console.error).toHaveBeenCalled();
  });

  it("shows a 4xx problem's message, which is written for staff", async () => {
    handler.handleError(
      new ApiError(
        422,
        { type: PROBLEM_TYPES[422], title: 'Rule', status: 422, detail: 'A referred case cannot move to Follow-up.' },
        '/api/x',
      ),
    );
    await handler.lastNotice;
    expect(snackBar.open).toHaveBeenCalledOnceWith('A referred case cannot move to Follow-up.', 'Dismiss', jasmine.any(Object));
  });

  it('stays quiet about 401s (the sign-in page takes over)', async () => {
    handler.handleError(new ApiError(401, null, '/api/patients'));
    await handler.lastNotice;
    expect(snackBar.open).not.toHaveBeenCalled();
  });

  it('shows a burst of the same error once', async () => {
    handler.handleError(new Error('a'));
    await handler.lastNotice;
    handler.handleError(new Error('b'));
    await handler.lastNotice;
    expect(snackBar.open).toHaveBeenCalledTimes(1);
  });
});

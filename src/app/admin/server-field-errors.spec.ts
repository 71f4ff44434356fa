import { FormControl, FormGroup } from '@angular/forms';
import { zodValidator } from '../shared/forms/zod-validator';
import { Password } from '@shared/contracts/auth';
import { applyServerFieldErrors, fieldErrorMessage } from './server-field-errors';

describe('server field errors', () => {
  function form() {
    return new FormGroup({
      username: new FormControl('taken', { nonNullable: true }),
      password: new FormControl('a long enough password', { nonNullable: true, validators: zodValidator(Password) }),
    });
  }

  it('puts each error on the control its path names, and returns the rest', () => {
    const f = form();
    const rest = applyServerFieldErrors(f, [
      { path: 'username', message: 'That username is taken' },
      { path: 'surgeries.0.date', message: 'Not here' },
      { path: '', message: 'Whole form' },
    ]);
    expect(fieldErrorMessage(f.controls.username)).toBe('That username is taken');
    expect(f.controls.username.touched).toBeTrue();
    expect(rest.map((e) => e.message)).toEqual(['Not here', 'Whole form']);
  });

  it('clears the server error when the field is edited', () => {
    const f = form();
    applyServerFieldErrors(f, [{ path: 'username', message: 'That username is taken' }]);
    f.controls.username.setValue('free');
    expect(fieldErrorMessage(f.controls.username)).toBeNull();
  });

  it("prefers the shared rule's message", () => {
    const f = form();
    f.controls.password.setValue('short');
    applyServerFieldErrors(f, [{ path: 'password', message: 'Server says no' }]);
    expect(fieldErrorMessage(f.controls.password)).toBe('Use at least 12 characters');
  });
});

import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { ApiError } from '../core/http/api-error';
import { IDLE_OPERATION, applyFieldErrors, controlError, emptyIsNull, failed, saveFailure, started, succeeded } from './operation';
import * as z from 'zod';

describe('operation', () => {
  const problem = (status: number, extra: object = {}) => ({ type: 'x', title: 'T', status, detail: `detail ${String(status)}`, ...extra });

  it('turns a 400 into field errors, a 409 into the current record, anything else into a message', () => {
    const bad = saveFailure(new ApiError(400, problem(400, { errors: [{ path: 'phone', message: 'Too long' }] }), '/api'));
    expect(bad).toEqual({ status: 400, message: 'detail 400', fieldErrors: [{ path: 'phone', message: 'Too long' }], current: null });
    const stale = saveFailure(new ApiError(409, problem(409, { current: { version: 2 } }), '/api'));
    expect(stale.current).toEqual({ version: 2 });
    const offline = saveFailure(new ApiError(0, null, '/api'));
    expect(offline.message).toContain('could not be reached');
    expect(saveFailure(new Error('boom')).status).toBe(0);
  });

  it('tracks a save: pending, then saved (counting) or failed', () => {
    const pending = started(undefined);
    expect(pending.pending).toBeTrue();
    expect(succeeded(succeeded(pending)).saved).toBe(2);
    const failure = { status: 422, message: 'Not allowed', fieldErrors: [{ path: 'to', message: 'x' }], current: null };
    expect(failed(pending, failure)).toEqual({ ...IDLE_OPERATION, error: 'Not allowed' });
    const conflict = { changedBy: 'Dr B', changedAt: null, changes: [] };
    expect(failed(pending, { ...failure, status: 409 }, conflict)).toEqual({ ...IDLE_OPERATION, conflict });
  });

  it('puts server field errors next to their fields, dotted paths into arrays included', () => {
    const form = new FormGroup({
      patient: new FormGroup({ mrn: new FormControl('') }),
      surgeries: new FormArray([new FormGroup({ performedOn: new FormControl('') })]),
    });
    const unplaced = applyFieldErrors(form, [
      { path: 'patient.mrn', message: 'An MRN has at least 3 characters' },
      { path: 'surgeries.0.performedOn', message: 'The surgery must be before the referral' },
      { path: 'surgeries', message: 'Mark one surgery as the index surgery' },
      { path: 'Idempotency-Key', message: 'Invalid key' },
    ]);
    expect(controlError(form.get('patient.mrn'))).toBe('An MRN has at least 3 characters');
    expect(controlError(form.get('surgeries.0.performedOn'))).toBe('The surgery must be before the referral');
    expect(form.get('patient.mrn')?.touched).toBeTrue();
    expect(unplaced.map((e) => e.path)).toEqual(['surgeries', 'Idempotency-Key']);
  });

  it('drops a prefix when the form holds part of the body', () => {
    const control = new FormControl('');
    expect(applyFieldErrors(new FormGroup({ x: control }), [{ path: 'body.x', message: 'm' }], 'body')).toEqual([]);
    expect(control.errors).toEqual({ server: 'm' });
  });

  it('says "Required" before an enum\'s zod message', () => {
    expect(controlError(new FormControl(null))).toBeNull();
    const control = new FormControl('');
    control.setErrors({ required: true, zod: 'Invalid option' });
    expect(controlError(control)).toBe('Required');
  });

  it('validates an empty optional field as none', () => {
    expect(emptyIsNull(z.email().nullable()).safeParse('  ').success).toBeTrue();
    expect(emptyIsNull(z.email().nullable()).safeParse('x').success).toBeFalse();
  });
});

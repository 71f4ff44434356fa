import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { type SaveRequest, failedSave } from '../plan-save';
import { dialogFormErrors } from './form-errors';

@Component({
  imports: [ReactiveFormsModule],
  template: `<form [formGroup]="form"><input id="first" formControlName="first" /><input id="second" formControlName="second" /></form>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = new FormGroup({
    first: new FormControl('', { nonNullable: true }),
    second: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  readonly request = signal<SaveRequest | null>(null);
  readonly errors = dialogFormErrors(this.form, () => this.request());
}

describe('dialogFormErrors', () => {
  it('puts a 400 answer next to its fields and keeps the rest for the form', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    host.request.set(
      failedSave(
        {
          status: 400,
          message: 'Check the fields',
          fieldErrors: [
            { path: 'first', message: 'Too long' },
            { path: 'goals', message: 'At most 10 goals' },
          ],
          current: null,
        },
        null,
      ),
    );
    await fixture.whenStable();
    expect(host.form.controls.first.errors).toEqual({ server: 'Too long' });
    expect(host.errors.unplaced()).toEqual([{ path: 'goals', message: 'At most 10 goals' }]);
  });

  it('stops a submit with client-side errors: shows them and focuses the first field at fault', async () => {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    expect(host.errors.ready()).toBeFalse();
    expect(host.form.controls.second.touched).toBeTrue();
    await fixture.whenStable();
    await Promise.resolve();
    expect(document.activeElement?.id).toBe('second');
    host.form.controls.second.setValue('filled');
    expect(host.errors.ready()).toBeTrue();
    (fixture.nativeElement as HTMLElement).remove();
  });
});

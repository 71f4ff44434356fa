import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  afterRenderEffect,
  type OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { NewReferral, NewSurgery, PatientDetails, RegisterReferralBody } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import {
  REFERRAL_PRIORITIES,
  REFERRAL_PRIORITY_LABELS,
  type ReferralPriority,
  SEXES,
  SEX_LABELS,
  type Sex,
} from '@shared/domain/case-status';
import { INDEX_PROCEDURES, SPINAL_LEVELS, SPINAL_LEVEL_LABELS, type SpinalLevel } from '@shared/domain/procedures';
import { map } from 'rxjs';
import { IdempotencyKeys } from '../../case/idempotency-key';
import { REQUIRED, applyFieldErrors, controlError, emptyIsNull, issuesAsFieldErrors } from '../../case/operation';
import { CLOCK, localIsoDate } from '../../core/clock';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { ReferralPageActions } from '../state/referral-page.actions';
import { referralFeature } from '../state/referral.feature';
import { provideIsoDates } from '../../case/iso-date-adapter';

const patientRules = PatientDetails.shape;
const referralRules = NewReferral.shape;
const surgeryRules = NewSurgery.shape;

function surgeryGroup() {
  return new FormGroup({
    procedure: new FormControl<string>('', { nonNullable: true, validators: [REQUIRED, zodValidator(surgeryRules.procedure)] }),
    levels: new FormControl<SpinalLevel[]>([], { nonNullable: true, validators: [REQUIRED, zodValidator(surgeryRules.levels)] }),
    performedOn: new FormControl<string | null>(null, { validators: [REQUIRED, zodValidator(surgeryRules.performedOn)] }),
    surgeon: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(surgeryRules.surgeon)] }),
    hospital: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(surgeryRules.hospital))] }),
    instrumentation: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(surgeryRules.instrumentation))] }),
  });
}

type SurgeryGroup = ReturnType<typeof surgeryGroup>;

/**
 * `/referrals/new`: patient, referral and prior surgeries in one form, validated with the shared
 * contract. A known MRN is flagged before saving: the referral then becomes a new episode of that patient.
 */
@Component({
  selector: 'app-referral-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './referral-page.html',
  styleUrl: './referral-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Datepickers with 'YYYY-MM-DD' values shown as DD/MM/YYYY (scoped here, not to the route: other panels keep theirs).
  providers: [provideIsoDates()],
})
export class ReferralPage implements OnInit {
  private readonly store = inject(Store);
  protected readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly sexes = SEXES.map((value) => ({ value, label: SEX_LABELS[value] }));
  protected readonly priorities = REFERRAL_PRIORITIES.map((value) => ({ value, label: REFERRAL_PRIORITY_LABELS[value] }));
  protected readonly procedures = INDEX_PROCEDURES.map((p) => ({ value: p.code, label: p.name }));
  protected readonly levels = SPINAL_LEVELS.map((value) => ({ value, label: SPINAL_LEVEL_LABELS[value] }));
  protected readonly controlError = controlError;

  protected readonly knownPatient = this.store.selectSignal(referralFeature.selectKnownPatient);
  protected readonly mrnChecking = this.store.selectSignal(referralFeature.selectMrnChecking);
  protected readonly mrnCheckError = this.store.selectSignal(referralFeature.selectMrnCheckError);
  protected readonly submitting = this.store.selectSignal(referralFeature.selectSubmitting);
  protected readonly error = this.store.selectSignal(referralFeature.selectError);
  private readonly fieldErrors = this.store.selectSignal(referralFeature.selectFieldErrors);
  private readonly registered = this.store.selectSignal(referralFeature.selectRegistered);

  protected readonly form = new FormGroup({
    patient: new FormGroup({
      mrn: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(patientRules.mrn)] }),
      familyName: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(patientRules.familyName)] }),
      givenName: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(patientRules.givenName)] }),
      dateOfBirth: new FormControl<string | null>(null, { validators: [REQUIRED, zodValidator(patientRules.dateOfBirth)] }),
      sex: new FormControl<Sex | ''>('', { nonNullable: true, validators: [REQUIRED, zodValidator(patientRules.sex)] }),
      phone: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(patientRules.phone))] }),
      email: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(patientRules.email))] }),
    }),
    referral: new FormGroup({
      referringClinician: new FormControl('', {
        nonNullable: true,
        validators: [REQUIRED, zodValidator(referralRules.referringClinician)],
      }),
      referredOn: new FormControl<string | null>(this.today, { validators: [REQUIRED, zodValidator(referralRules.referredOn)] }),
      reason: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(referralRules.reason)] }),
      priority: new FormControl<ReferralPriority>('routine', { nonNullable: true }),
    }),
    surgeries: new FormArray<SurgeryGroup>([surgeryGroup()]),
    /** Which surgery is the index surgery (the one after which the pain persisted). */
    indexSurgery: new FormControl(0, { nonNullable: true }),
  });

  /** Rules about the form as a whole (e.g. the index surgery), and server errors no field took. */
  protected readonly formErrors = signal<readonly FieldError[]>([]);
  protected readonly surgeryCount = toSignal(this.form.controls.surgeries.valueChanges.pipe(map((v) => v.length)), { initialValue: 1 });
  private readonly keys = new IdempotencyKeys();

  constructor() {
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => {
        this.formErrors.set(applyFieldErrors(this.form, errors));
        if (errors.length) this.focusFirstInvalidSoon();
      });
    });
    // A known patient: fill in the name and date of birth from the record (they are not changed by a new episode).
    effect(() => {
      const known = this.knownPatient();
      if (!known) return;
      untracked(() => {
        const patient = this.form.controls.patient.controls;
        if (!patient.familyName.value) patient.familyName.setValue(known.familyName);
        if (!patient.givenName.value) patient.givenName.setValue(known.givenName);
        if (!patient.dateOfBirth.value) patient.dateOfBirth.setValue(known.dateOfBirth);
      });
    });
    effect(() => {
      if (this.registered() === 0) return;
      untracked(() => this.keys.reset());
    });
  }

  ngOnInit(): void {
    this.store.dispatch(ReferralPageActions.opened());
  }

  protected get surgeries(): FormArray<SurgeryGroup> {
    return this.form.controls.surgeries;
  }

  protected mrnChanged(): void {
    this.store.dispatch(ReferralPageActions.mrnChanged({ mrn: this.form.controls.patient.controls.mrn.value }));
  }

  protected addSurgery(): void {
    this.surgeries.push(surgeryGroup());
    queueMicrotask(() => document.getElementById(`surgery-${String(this.surgeries.length - 1)}-procedure`)?.focus());
  }

  protected removeSurgery(index: number): void {
    this.surgeries.removeAt(index);
    const current = this.form.controls.indexSurgery.value;
    if (current === index) this.form.controls.indexSurgery.setValue(0);
    else if (current > index) this.form.controls.indexSurgery.setValue(current - 1);
  }

  protected submit(formElement: HTMLElement): void {
    this.form.markAllAsTouched();
    this.formErrors.set([]);
    if (this.form.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    const value = this.form.getRawValue();
    const text = (s: string): string | null => s.trim() || null;
    const candidate = {
      patient: { ...value.patient, mrn: value.patient.mrn.trim(), phone: text(value.patient.phone), email: text(value.patient.email) },
      referral: value.referral,
      surgeries: value.surgeries.map((s, i) => ({
        ...s,
        hospital: text(s.hospital),
        instrumentation: text(s.instrumentation),
        isIndex: i === value.indexSurgery,
      })),
    };
    // The shared contract's cross-field rules (surgery after birth and before the referral...).
    const parsed = RegisterReferralBody.safeParse(candidate);
    if (!parsed.success) {
      this.formErrors.set(applyFieldErrors(this.form, issuesAsFieldErrors(parsed.error.issues)));
      focusFirstInvalid(formElement);
      return;
    }
    this.store.dispatch(ReferralPageActions.submitted({ body: parsed.data, idempotencyKey: this.keys.keyFor(parsed.data) }));
  }

  private focusFirstInvalidSoon(): void {
    queueMicrotask(() => {
      const form = document.querySelector<HTMLElement>('form.referral-form');
      if (form) focusFirstInvalid(form);
    });
  }

  protected readonly submitLabel = computed(() => (this.knownPatient() ? 'Add referral episode' : 'Register referral'));
}

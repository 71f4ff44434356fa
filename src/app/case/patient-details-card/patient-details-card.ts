import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  inject,
  Component,
  afterRenderEffect,
  computed,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Clinician, type Patient, UpdatePatientBody } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import {
  REFERRAL_PRIORITIES,
  REFERRAL_PRIORITY_LABELS,
  type ReferralPriority,
  SEXES,
  SEX_LABELS,
  type Sex,
} from '@shared/domain/case-status';
import { CLOCK, localIsoDate } from '../../core/clock';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { ConflictNotice } from '../conflict-notice/conflict-notice';
import { REQUIRED, type Operation, applyFieldErrors, controlError, emptyIsNull } from '../operation';
import { provideIsoDates } from '../iso-date-adapter';

const rules = UpdatePatientBody.shape;

interface DetailsForm {
  familyName: FormControl<string>;
  givenName: FormControl<string>;
  dateOfBirth: FormControl<string | null>;
  sex: FormControl<Sex>;
  phone: FormControl<string>;
  email: FormControl<string>;
  priority: FormControl<ReferralPriority>;
  responsibleSpecialistId: FormControl<string>;
  namedNurseId: FormControl<string>;
}

/** Patient details and the care team (responsible specialist, named nurse); specialists edit them here. */
@Component({
  selector: 'app-patient-details-card',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    ConflictNotice,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './patient-details-card.html',
  styleUrl: './patient-details-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Datepickers with 'YYYY-MM-DD' values shown as DD/MM/YYYY (scoped here, not to the route: other panels keep theirs).
  providers: [provideIsoDates()],
})
export class PatientDetailsCard {
  private readonly clock = inject(CLOCK);
  readonly patient = input.required<Patient>();
  readonly clinicians = input<readonly Clinician[] | null>(null);
  readonly operation = input.required<Operation>();
  readonly canEdit = input(false);
  readonly save = output<UpdatePatientBody>();
  readonly reload = output();
  readonly cancelled = output();

  protected readonly sexes = SEXES.map((value) => ({ value, label: SEX_LABELS[value] }));
  protected readonly priorities = REFERRAL_PRIORITIES.map((value) => ({ value, label: REFERRAL_PRIORITY_LABELS[value] }));
  protected readonly specialists = computed(() => (this.clinicians() ?? []).filter((c) => c.role === 'specialist'));
  protected readonly nurses = computed(() => (this.clinicians() ?? []).filter((c) => c.role === 'nurse'));
  protected readonly sexLabel = computed(() => SEX_LABELS[this.patient().sex]);
  protected readonly priorityLabel = computed(() => REFERRAL_PRIORITY_LABELS[this.patient().priority]);

  private readonly saved = computed(() => this.operation().saved);
  private readonly fieldErrors = computed(() => this.operation().fieldErrors);
  /** Editing until a save succeeds. */
  protected readonly editing = linkedSignal({ source: this.saved, computation: () => false });
  /** Errors no field took (e.g. "Change at least one field"). */
  protected readonly formErrors = signal<readonly FieldError[]>([]);
  protected readonly controlError = controlError;
  protected readonly today = computed(() => localIsoDate(this.clock.now()));

  protected readonly form = new FormGroup<DetailsForm>({
    familyName: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(rules.familyName)] }),
    givenName: new FormControl('', { nonNullable: true, validators: [REQUIRED, zodValidator(rules.givenName)] }),
    dateOfBirth: new FormControl<string | null>(null, { validators: [REQUIRED, zodValidator(rules.dateOfBirth.unwrap())] }),
    sex: new FormControl<Sex>('unknown', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(rules.phone))] }),
    email: new FormControl('', { nonNullable: true, validators: [zodValidator(emptyIsNull(rules.email))] }),
    priority: new FormControl<ReferralPriority>('routine', { nonNullable: true }),
    responsibleSpecialistId: new FormControl('', { nonNullable: true }),
    namedNurseId: new FormControl('', { nonNullable: true }),
  });

  /** The record the form started from: the version the save is conditional on. */
  private base: Patient | null = null;

  constructor() {
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => this.formErrors.set(applyFieldErrors(this.form, errors)));
    });
  }

  protected edit(): void {
    const patient = this.patient();
    this.base = patient;
    this.form.reset({
      familyName: patient.familyName,
      givenName: patient.givenName,
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex,
      phone: patient.phone ?? '',
      email: patient.email ?? '',
      priority: patient.priority,
      responsibleSpecialistId: patient.responsibleSpecialistId ?? '',
      namedNurseId: patient.namedNurseId ?? '',
    });
    this.formErrors.set([]);
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
    this.cancelled.emit();
  }

  protected reloadRecord(): void {
    this.editing.set(false);
    this.reload.emit();
  }

  protected submit(formElement: HTMLElement): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    const base = this.base ?? this.patient();
    const value = this.form.getRawValue();
    const text = (s: string): string | null => s.trim() || null;
    const candidate: Record<string, unknown> = {
      familyName: value.familyName.trim(),
      givenName: value.givenName.trim(),
      dateOfBirth: value.dateOfBirth,
      sex: value.sex,
      phone: text(value.phone),
      email: text(value.email),
      priority: value.priority,
      responsibleSpecialistId: value.responsibleSpecialistId || null,
      namedNurseId: value.namedNurseId || null,
    };
    // Only what the user changed: the save then touches nothing else.
    const changes = Object.fromEntries(Object.entries(candidate).filter(([key, v]) => base[key as keyof Patient] !== v));
    const parsed = UpdatePatientBody.safeParse({ version: base.version, ...changes });
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.path[0] === 'version' ? 'Nothing has changed yet.' : i.message,
      }));
      this.formErrors.set(applyFieldErrors(this.form, errors));
      focusFirstInvalid(formElement);
      return;
    }
    this.save.emit(parsed.data);
  }
}

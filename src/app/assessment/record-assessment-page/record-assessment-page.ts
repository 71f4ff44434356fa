import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatExpansionPanel,
  MatExpansionPanelDescription,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import type { FieldError } from '@shared/contracts/problem';
import { ODI_BAND_LABELS, ODI_MAX_MISSING, ODI_SECTIONS, scoreOdi } from '@shared/domain/odi';
import { RED_FLAG_CODES, type RedFlagCode, redFlagByCode, redFlagsByGroup } from '@shared/domain/red-flags';
import { ONSETS, ONSET_LABELS, SIDES, SIDE_LABELS, SYMPTOM_TYPES, SYMPTOM_TYPE_LABELS } from '@shared/domain/symptoms';
import { map } from 'rxjs';
import { safeReturnUrl } from '../../auth/return-url';
import { CLOCK } from '../../core/clock';
import { BodyDiagram } from '../../shared/ui/body-diagram/body-diagram';
import { BodyLocationList } from '../../shared/ui/body-diagram/body-location-list';
import { type ZoneId, sideOfZones, toggleZone } from '../../shared/ui/body-diagram/body-zones';
import { NrsInput } from '../../shared/ui/nrs-input/nrs-input';
import { OutboxIndicator } from '../outbox/outbox-indicator';
import { assessmentsFeature } from '../state/assessments.feature';
import { RecordAssessmentPageActions } from '../state/record-assessment-page.actions';
import {
  type SymptomControls,
  applyFormErrors,
  createAssessmentForm,
  createSymptomGroup,
  errorOf,
  redFlagScreen,
  toFormErrors,
  validateAssessment,
} from './assessment-form';

type Section = 'symptoms' | 'redFlags' | 'odi';

/** Which collapsible section holds a form path. */
function sectionOf(path: string): Section | null {
  if (path.startsWith('symptoms')) return 'symptoms';
  if (path.startsWith('redFlags')) return 'redFlags';
  if (path.startsWith('odi')) return 'odi';
  return null;
}

/** Focuses the first field marked invalid (or the first focusable element inside it). */
function focusFirstError(container: HTMLElement): void {
  const marked = container.querySelector<HTMLElement>('[aria-invalid="true"], .field-error-target');
  if (!marked) return;
  const target = marked.matches('input, textarea, select, button, [tabindex]')
    ? marked
    : marked.querySelector<HTMLElement>('input:not([disabled]), textarea, button, [tabindex="0"]');
  target?.focus();
}

/**
 * `/patients/:id/assess`: one form for back and leg pain (a keystroke each), symptoms with their
 * location on a body diagram, the red-flag screen and the ODI. Focus starts on back pain; a digit moves
 * on; Enter saves. Saving goes through the outbox: "saved" only after the server's 201, otherwise the
 * entry waits in Pending and is sent when the connection returns.
 */
@Component({
  selector: 'app-record-assessment-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIcon,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatExpansionPanelDescription,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    NrsInput,
    BodyDiagram,
    BodyLocationList,
    OutboxIndicator,
  ],
  templateUrl: './record-assessment-page.html',
  styleUrl: './record-assessment-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordAssessmentPage implements OnInit {
  private readonly store = inject(Store);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly router = inject(Router);
  private readonly changeDetector = inject(ChangeDetectorRef);

  /** The patient id (route parameter). */
  readonly id = input.required<string>();
  /** Where to go after saving (query parameter); otherwise the page the user came from. */
  readonly returnUrl = input<string>();

  /** The previous page in the app, captured before this navigation completes. */
  private readonly previousUrl = (() => {
    const previous = this.router.currentNavigation()?.previousNavigation?.finalUrl;
    return previous ? this.router.serializeUrl(previous) : null;
  })();

  protected readonly returnTo = computed(
    () => safeReturnUrl(this.returnUrl()) ?? safeReturnUrl(this.previousUrl) ?? `/patients/${encodeURIComponent(this.id())}`,
  );
  protected readonly returnLabel = computed(() => (this.returnTo().startsWith('/worklist') ? 'Back to the worklist' : 'Back to the case'));

  protected readonly patient = this.store.selectSignal(assessmentsFeature.selectPatient);
  protected readonly patientError = this.store.selectSignal(assessmentsFeature.selectPatientError);
  protected readonly submission = this.store.selectSignal(assessmentsFeature.selectSubmission);
  protected readonly sending = computed(() => this.submission().status === 'sending');
  /** The form is replaced by the submission's fate once it is queued (or saved later). */
  protected readonly handedOver = computed(() => {
    const status = this.submission().status;
    return status === 'queued' || status === 'saved';
  });
  protected readonly patientLabel = computed(() => {
    const patient = this.patient();
    return patient ? `${patient.familyName}, ${patient.givenName} (MRN ${patient.mrn})` : 'the patient';
  });

  protected readonly form = createAssessmentForm();
  protected readonly symptoms = this.form.controls.symptoms;

  private readonly back = viewChild<NrsInput>('back');
  private readonly saveButton = viewChild.required<string, ElementRef<HTMLButtonElement>>('saveButton', { read: ElementRef });

  protected readonly open = signal<Readonly<Record<Section, boolean>>>({ symptoms: false, redFlags: false, odi: false });
  /** Errors no field took (shown above the form). */
  protected readonly generalErrors = signal<readonly string[]>([]);

  protected readonly symptomTypes = SYMPTOM_TYPES.map((value) => ({ value, label: SYMPTOM_TYPE_LABELS[value] }));
  protected readonly sides = SIDES.map((value) => ({ value, label: SIDE_LABELS[value] }));
  protected readonly onsets = ONSETS.map((value) => ({ value, label: ONSET_LABELS[value] }));
  protected readonly redFlagGroups = redFlagsByGroup();
  protected readonly odiSections = ODI_SECTIONS;
  protected readonly odiBandLabels = ODI_BAND_LABELS;
  protected readonly odiMaxMissing = ODI_MAX_MISSING;
  protected readonly errorOf = errorOf;

  private readonly redFlagValues = toSignal(
    this.form.controls.redFlags.valueChanges.pipe(map(() => this.form.controls.redFlags.getRawValue())),
    {
      initialValue: this.form.controls.redFlags.getRawValue(),
    },
  );
  protected readonly screen = computed(() => redFlagScreen(this.redFlagValues()));
  protected readonly yesFlags = computed(() =>
    this.screen()
      .yes.map((code) => redFlagByCode(code))
      .filter((flag) => !!flag),
  );

  private readonly odiValues = toSignal(this.form.controls.odi.valueChanges.pipe(map(() => this.form.controls.odi.getRawValue())), {
    initialValue: this.form.controls.odi.getRawValue(),
  });
  protected readonly odi = computed(() => scoreOdi(this.odiValues()));

  private readonly symptomCount = toSignal(this.symptoms.valueChanges.pipe(map(() => this.symptoms.length)), { initialValue: 0 });

  constructor() {
    // A refusal from the server: its field errors go next to the fields.
    effect(() => {
      const submission = this.submission();
      if (submission.status !== 'rejected' || !submission.failure) return;
      const failure = submission.failure;
      // After rendering: the form's controls are bound by then (binding re-validates and would clear them).
      untracked(() => {
        afterNextRender(() => this.showErrors(toFormErrors(failure.fieldErrors), failure.fieldErrors.length ? null : failure.message), {
          injector: this.injector,
        });
      });
    });
    // Back pain has the focus on arrival: type 7, 8, Enter.
    afterNextRender(() => {
      this.back()?.focus();
    });
  }

  ngOnInit(): void {
    this.store.dispatch(RecordAssessmentPageActions.opened({ patientId: this.id() }));
  }

  protected symptomsSummary(): string {
    const count = this.symptomCount();
    return count === 0 ? 'None added' : `${String(count)} ${count === 1 ? 'symptom' : 'symptoms'}`;
  }

  protected odiSummary(): string {
    const result = this.odi();
    if (result.answered === 0) return 'Not started';
    if (result.score === null) return `Not scored: ${String(result.missing)} sections unanswered`;
    return `${result.score.toFixed(1)}% · ${result.band ? ODI_BAND_LABELS[result.band] : ''}`;
  }

  protected redFlagSummary(): string {
    const screen = this.screen();
    if (!screen.started) return 'Not asked';
    const yes = screen.yes.length ? ` · ${String(screen.yes.length)} yes` : '';
    return `${String(screen.answered)} of ${String(screen.total)} answered${yes}`;
  }

  protected setOpen(section: Section, open: boolean): void {
    this.open.update((current) => ({ ...current, [section]: open }));
    // Opening the symptoms starts the first one.
    if (section === 'symptoms' && open && this.symptoms.length === 0) this.addSymptom();
  }

  protected addSymptom(): void {
    this.symptoms.push(createSymptomGroup());
  }

  protected removeSymptom(index: number): void {
    this.symptoms.removeAt(index);
  }

  protected toggleZone(group: FormGroup<SymptomControls>, zone: ZoneId): void {
    const zones = toggleZone(group.controls.zones.value, zone);
    group.controls.zones.setValue(zones);
    group.controls.zones.markAsDirty();
    // The side follows the picked locations (it can still be changed by hand).
    const side = sideOfZones(zones);
    if (side) group.controls.side.setValue(side);
  }

  protected redFlagControl(code: RedFlagCode) {
    return this.form.controls.redFlags.controls[code];
  }

  /** Every unanswered red-flag question answered "no" (after asking them). */
  protected noToRest(): void {
    for (const code of RED_FLAG_CODES) {
      const control = this.redFlagControl(code);
      if (control.value === null) control.setValue('no');
    }
  }

  protected isYes(code: string): boolean {
    return this.screen().yes.some((yes) => yes === code);
  }

  protected clearScreen(): void {
    this.form.controls.redFlags.reset();
  }

  protected clearOdi(index: number): void {
    this.form.controls.odi.at(index).setValue(null);
  }

  /** Enter saves from the scores, radios and checkboxes (text fields submit by themselves; buttons click). */
  protected enter(event: Event): void {
    const target = event.target as HTMLElement;
    if (target.closest('textarea, button, a, [role="combobox"], [role="listbox"], mat-expansion-panel-header')) return;
    if (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox') return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    if (this.sending() || this.handedOver()) return;
    this.generalErrors.set([]);
    const recordedAt = new Date(this.clock.now()).toISOString();
    const { body, errors } = validateAssessment(this.form.getRawValue(), recordedAt);
    if (!body) {
      this.showErrors(errors, null);
      return;
    }
    this.store.dispatch(
      RecordAssessmentPageActions.submitted({ patientId: this.id(), patientLabel: this.patientLabel(), body, returnUrl: this.returnTo() }),
    );
  }

  protected recordAnother(): void {
    this.form.reset();
    this.symptoms.clear();
    this.open.set({ symptoms: false, redFlags: false, odi: false });
    this.store.dispatch(RecordAssessmentPageActions.opened({ patientId: this.id() }));
    afterNextRender(() => this.back()?.focus(), { injector: this.injector });
  }

  protected retryPatient(): void {
    this.store.dispatch(RecordAssessmentPageActions.retryClicked({ patientId: this.id() }));
  }

  protected focusSave(): void {
    this.saveButton().nativeElement.focus();
  }

  private showErrors(errors: readonly FieldError[], message: string | null): void {
    const unplaced = applyFormErrors(this.form, errors);
    // Control errors are not signals: render again to show them.
    this.changeDetector.markForCheck();
    this.generalErrors.set([...(message ? [message] : []), ...unplaced.map((error) => error.message)]);
    const sections = new Set(errors.map((error) => sectionOf(error.path)).filter((section) => section !== null));
    if (sections.size) this.open.update((open) => ({ ...open, ...Object.fromEntries([...sections].map((section) => [section, true])) }));
    afterNextRender(
      () => {
        if (unplaced.length || message) this.host.nativeElement.querySelector<HTMLElement>('.error-summary')?.focus();
        else focusFirstError(this.host.nativeElement);
      },
      { injector: this.injector },
    );
  }
}

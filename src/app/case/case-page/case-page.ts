import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import type { AddCauseBody, ChangeStatusBody, UpdatePatientBody } from '@shared/contracts/patients';
import { can } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK, localIsoDate } from '../../core/clock';
import { CaseHeader } from '../case-header/case-header';
import { CaseStatusCard } from '../case-status-card/case-status-card';
import { type CauseEnteredInError, type CauseUpdate, CausesCard } from '../causes-card/causes-card';
import { NotesCard } from '../notes-card/notes-card';
import type { OperationKey } from '../operation';
import { PatientDetailsCard } from '../patient-details-card/patient-details-card';
import { ReferralCard } from '../referral-card/referral-card';
import { TreatmentPlanPanel } from '../../treatment-plan/treatment-plan-panel/treatment-plan-panel';
import { CasePageActions } from '../state/case-page.actions';
import { caseFeature } from '../state/case.feature';
import { CasePainPanel } from '../../assessment/case-pain-panel/case-pain-panel';

/**
 * `/patients/:id`: one patient's case. The page reads the store and dispatches page events; the cards
 * present and emit. The pain chart and the treatment plan panels sit in their own grid areas.
 */
@Component({
  selector: 'app-case-page',
  imports: [
    CasePainPanel,
    RouterLink,
    MatAnchor,
    MatButton,
    MatIcon,
    MatProgressBar,
    CaseHeader,
    ReferralCard,
    CaseStatusCard,
    PatientDetailsCard,
    CausesCard,
    NotesCard,
    TreatmentPlanPanel,
  ],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePage {
  private readonly store = inject(Store);

  /** The patient id from the route (`:id`). */
  readonly id = input.required<string>();

  protected readonly today = localIsoDate(inject(CLOCK).now());
  protected readonly patient = this.store.selectSignal(caseFeature.selectPatient);
  protected readonly loading = this.store.selectSignal(caseFeature.selectLoading);
  protected readonly error = this.store.selectSignal(caseFeature.selectError);
  protected readonly notFound = this.store.selectSignal(caseFeature.selectNotFound);
  protected readonly causes = this.store.selectSignal(caseFeature.selectCauses);
  protected readonly causesLoading = this.store.selectSignal(caseFeature.selectCausesLoading);
  protected readonly causesError = this.store.selectSignal(caseFeature.selectCausesError);
  protected readonly notes = this.store.selectSignal(caseFeature.selectNotes);
  protected readonly notesLoading = this.store.selectSignal(caseFeature.selectNotesLoading);
  protected readonly notesError = this.store.selectSignal(caseFeature.selectNotesError);
  protected readonly clinicians = this.store.selectSignal(caseFeature.selectClinicians);
  protected readonly operations = this.store.selectSignal(caseFeature.selectOperations);
  protected readonly detailsOperation = this.store.selectSignal(caseFeature.selectDetailsOperation);
  protected readonly statusOperation = this.store.selectSignal(caseFeature.selectStatusOperation);
  protected readonly addCauseOperation = this.store.selectSignal(caseFeature.selectAddCauseOperation);
  protected readonly addNoteOperation = this.store.selectSignal(caseFeature.selectAddNoteOperation);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  private readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly userId = computed(() => this.user()?.id ?? null);

  protected readonly canAssess = computed(() => can(this.role(), 'assessment.create'));
  protected readonly canEdit = computed(() => can(this.role(), 'patient.update'));
  protected readonly canChangeStatus = computed(() => can(this.role(), 'case-status.change'));
  protected readonly canWriteCauses = computed(() => can(this.role(), 'cause.write'));
  protected readonly canWriteNotes = computed(() => can(this.role(), 'note.write'));
  /** The record shown belongs to the route's patient (never the previous patient's, even for a moment). */
  protected readonly shown = computed(() => {
    const patient = this.patient();
    return patient?.id === this.id() ? patient : null;
  });

  constructor() {
    // Opens the case, and again when the route moves to another patient (the page is reused).
    effect(() => {
      const patientId = this.id();
      untracked(() => this.store.dispatch(CasePageActions.opened({ patientId })));
    });
  }

  protected retry(): void {
    this.store.dispatch(CasePageActions.retryClicked());
  }

  protected reload(): void {
    this.store.dispatch(CasePageActions.reloadClicked());
  }

  protected dismiss(key: OperationKey): void {
    this.store.dispatch(CasePageActions.operationDismissed({ key }));
  }

  protected saveDetails(body: UpdatePatientBody): void {
    this.store.dispatch(CasePageActions.detailsSubmitted({ body }));
  }

  protected changeStatus(body: ChangeStatusBody): void {
    this.store.dispatch(CasePageActions.statusChangeSubmitted({ body }));
  }

  protected addCause(event: { body: AddCauseBody; idempotencyKey: string }): void {
    this.store.dispatch(CasePageActions.causeSubmitted(event));
  }

  protected updateCause(event: CauseUpdate): void {
    this.store.dispatch(CasePageActions.causeUpdateSubmitted(event));
  }

  protected causeEnteredInError(event: CauseEnteredInError): void {
    this.store.dispatch(CasePageActions.causeEnteredInErrorSubmitted(event));
  }

  protected addNote(event: { body: string; idempotencyKey: string }): void {
    this.store.dispatch(CasePageActions.noteSubmitted(event));
  }

  protected noteEnteredInError(event: { noteId: string; body: { version: number; reason: string } }): void {
    this.store.dispatch(CasePageActions.noteEnteredInErrorSubmitted(event));
  }
}

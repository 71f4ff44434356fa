import { ChangeDetectionStrategy, Component, type ElementRef, type OnInit, computed, effect, inject, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { formatBytes } from '../bundle-checks';
import { ChosenBundleFile, fileInfo } from '../bundle-file';
import { FhirCountsTable } from '../fhir-counts-table/fhir-counts-table';
import { FhirDropZone } from '../fhir-drop-zone/fhir-drop-zone';
import { FhirIssueList } from '../fhir-issue-list/fhir-issue-list';
import { FhirPatientSummary } from '../fhir-patient-summary/fhir-patient-summary';
import { isRetryable } from '../import-failure';
import { FhirImportPageActions } from '../state/fhir-import-page.actions';
import { type FhirImportPhase, fhirImportFeature } from '../state/fhir-import.feature';

/** The three steps shown at the top of the page, and the step of each phase. */
export const IMPORT_STEPS = ['Choose a file', 'Check the preview', 'Import and read the report'] as const;
const STEP_OF: Readonly<Record<FhirImportPhase, number>> = {
  choose: 0,
  reading: 0,
  previewing: 1,
  'preview-failed': 1,
  preview: 1,
  importing: 2,
  imported: 2,
};

/**
 * `/import`: a specialist imports one patient's FHIR R4 Bundle. The file is read in the browser, the server
 * previews what the import would do (nothing is written), the user confirms, and the report says what was done.
 */
@Component({
  selector: 'app-fhir-import-page',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatIcon,
    MatProgressBar,
    FhirDropZone,
    FhirPatientSummary,
    FhirCountsTable,
    FhirIssueList,
  ],
  templateUrl: './fhir-import-page.html',
  styleUrl: './fhir-import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:dragover)': 'ignoreDrop($event)', '(document:drop)': 'ignoreDrop($event)' },
})
export class FhirImportPage implements OnInit {
  private readonly store = inject(Store);
  private readonly chosen = inject(ChosenBundleFile);

  protected readonly steps = IMPORT_STEPS;
  protected readonly phase = this.store.selectSignal(fhirImportFeature.selectPhase);
  protected readonly file = this.store.selectSignal(fhirImportFeature.selectFile);
  protected readonly preview = this.store.selectSignal(fhirImportFeature.selectPreview);
  protected readonly report = this.store.selectSignal(fhirImportFeature.selectReport);
  protected readonly fileError = this.store.selectSignal(fhirImportFeature.selectFileError);
  protected readonly failure = this.store.selectSignal(fhirImportFeature.selectFailure);
  protected readonly percent = this.store.selectSignal(fhirImportFeature.selectProgressPercent);
  protected readonly saving = this.store.selectSignal(fhirImportFeature.selectSaving);

  protected readonly step = computed(() => STEP_OF[this.phase()]);
  protected readonly importing = computed(() => this.phase() === 'importing');
  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? formatBytes(file.size) : '';
  });
  protected readonly canRetry = computed(() => {
    const failure = this.failure();
    return failure !== null && isRetryable(failure);
  });
  /** One sentence of what the preview would do, or what the import did. */
  protected readonly previewSummary = computed(() => {
    const totals = this.preview()?.totals;
    return totals ? outcomeSentence(totals, 'preview') : '';
  });
  protected readonly reportSummary = computed(() => {
    const totals = this.report()?.totals;
    return totals ? outcomeSentence(totals, 'report') : '';
  });
  /** The preview finds nothing to create or update (a bundle imported before). */
  protected readonly nothingToChange = computed(() => {
    const totals = this.preview()?.totals;
    return totals !== undefined && totals.created + totals.updated === 0;
  });
  protected readonly reportHeadline = computed(() => {
    const report = this.report();
    if (!report) return '';
    const name = `${report.patient.givenName} ${report.patient.familyName}`;
    if (report.patientCreated) return `A new patient record was created for ${name}.`;
    return report.totals.created + report.totals.updated === 0
      ? `The record of ${name} already had everything in this bundle: nothing was changed.`
      : `The record of ${name} was updated.`;
  });

  /** Headings that take the focus when their step appears, so keyboard and screen reader users land on the news. */
  private readonly previewHeading = viewChild<ElementRef<HTMLElement>>('previewHeading');
  private readonly reportHeading = viewChild<ElementRef<HTMLElement>>('reportHeading');
  private readonly failureHeading = viewChild<ElementRef<HTMLElement>>('failureHeading');

  constructor() {
    effect(() => {
      const phase = this.phase();
      const target =
        phase === 'preview' && !this.failure()
          ? this.previewHeading()
          : phase === 'imported'
            ? this.reportHeading()
            : phase === 'preview-failed'
              ? this.failureHeading()
              : undefined;
      target?.nativeElement.focus();
    });
  }

  ngOnInit(): void {
    this.store.dispatch(FhirImportPageActions.opened());
  }

  protected choose(file: File): void {
    this.chosen.set(file);
    this.store.dispatch(FhirImportPageActions.fileChosen({ file: fileInfo(file) }));
  }

  protected several(count: number): void {
    this.store.dispatch(FhirImportPageActions.severalFilesDropped({ count }));
  }

  protected retryPreview(): void {
    this.store.dispatch(FhirImportPageActions.previewRetried());
  }

  protected confirm(): void {
    if (this.importing()) return;
    this.store.dispatch(FhirImportPageActions.importConfirmed());
  }

  protected startOver(): void {
    this.store.dispatch(FhirImportPageActions.startOverClicked());
  }

  /** A file dropped next to the zone must not make the browser leave the page to show the file. */
  protected ignoreDrop(event: DragEvent): void {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  }
}

function outcomeSentence(
  totals: { received: number; created: number; updated: number; unchanged: number; skipped: number; rejected: number },
  mode: 'preview' | 'report',
): string {
  const entries = `${String(totals.received)} ${totals.received === 1 ? 'entry' : 'entries'}`;
  const parts =
    mode === 'preview'
      ? [
          `${String(totals.created)} to create`,
          `${String(totals.updated)} to update`,
          `${String(totals.unchanged)} already up to date`,
          `${String(totals.skipped)} to skip`,
          `${String(totals.rejected)} to reject`,
        ]
      : [
          `${String(totals.created)} created`,
          `${String(totals.updated)} updated`,
          `${String(totals.unchanged)} already up to date`,
          `${String(totals.skipped)} skipped`,
          `${String(totals.rejected)} rejected`,
        ];
  return `Of ${entries}: ${parts.join(', ')}.`;
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatFooterCell,
  MatFooterCellDef,
  MatFooterRow,
  MatFooterRowDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { FHIR_ENTRY_OUTCOMES, type FhirEntryOutcome, type FhirTypeCounts } from '@shared/contracts/fhir';

export type CountsMode = 'preview' | 'report';
type Totals = Omit<FhirTypeCounts, 'resourceType'>;

/** Column headers: what would happen (preview) or what happened (report). */
const OUTCOME_HEADERS: Readonly<Record<CountsMode, Record<FhirEntryOutcome, string>>> = {
  preview: { created: 'To create', updated: 'To update', unchanged: 'Unchanged', skipped: 'To skip', rejected: 'To reject' },
  report: { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped', rejected: 'Rejected' },
};

/** Entries of the bundle by resource type: how many arrived and what becomes (or became) of them. */
@Component({
  selector: 'app-fhir-counts-table',
  imports: [
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatFooterCell,
    MatFooterCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    MatFooterRow,
    MatFooterRowDef,
  ],
  templateUrl: './fhir-counts-table.html',
  styleUrl: './fhir-counts-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirCountsTable {
  readonly counts = input.required<readonly FhirTypeCounts[]>();
  readonly totals = input.required<Totals>();
  readonly mode = input.required<CountsMode>();

  protected readonly outcomes = FHIR_ENTRY_OUTCOMES;
  protected readonly columns = ['resourceType', 'received', ...FHIR_ENTRY_OUTCOMES];
  protected readonly headers = computed(() => OUTCOME_HEADERS[this.mode()]);
  protected readonly caption = computed(() =>
    this.mode() === 'preview'
      ? 'Entries by resource type, and what the import would do with them'
      : 'Entries by resource type, and what the import did with them',
  );
  /** Most entries first; the table is small, so no sorting controls. */
  protected readonly rows = computed(() =>
    [...this.counts()].sort((a, b) => b.received - a.received || a.resourceType.localeCompare(b.resourceType)),
  );
}

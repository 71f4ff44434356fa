import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { PlanItemOutcome } from '@shared/contracts/plans';
import { type OutcomeRow, outcomeRows } from '../outcome-rows';

export const OUTCOME_COLUMNS = ['timepoint', 'back', 'leg', 'odi'] as const;

/**
 * Outcomes of one started treatment: the baseline and each follow-up with back and leg NRS (value, change, percent
 * change, IMMPACT responder category) and the ODI (value, change, >= 10-point flag). Missed follow-ups read
 * "Missing", never as a non-response.
 */
@Component({
  selector: 'app-outcome-table',
  imports: [
    NgTemplateOutlet,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
  ],
  templateUrl: './outcome-table.html',
  styleUrl: './outcome-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeTable {
  readonly outcome = input.required<PlanItemOutcome>();
  /** The treatment's name, for the table's caption. */
  readonly treatment = input.required<string>();

  protected readonly columns = OUTCOME_COLUMNS;
  protected readonly rows = computed(() => outcomeRows(this.outcome()));

  protected trackRow(_index: number, row: OutcomeRow): string {
    return row.id;
  }
}

import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { FhirEntryIssue } from '@shared/contracts/fhir';

/** Problems listed before "Show all". */
export const ISSUES_SHOWN_FIRST = 8;

interface IssueView {
  readonly key: string;
  readonly severity: FhirEntryIssue['severity'];
  /** "Entry 4 · Observation" (entries numbered from 1, in file order), or "Bundle". */
  readonly where: string;
  readonly fullUrl: string | null;
  readonly message: string;
}

/** Problems with single entries (errors: rejected; warnings: skipped or adapted), errors first. */
@Component({
  selector: 'app-fhir-issue-list',
  imports: [MatButton, MatIcon],
  templateUrl: './fhir-issue-list.html',
  styleUrl: './fhir-issue-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirIssueList {
  readonly issues = input.required<readonly FhirEntryIssue[]>();
  /** Issues the server counted but did not list. */
  readonly omitted = input(0);
  /** Preview: entries with errors "will be" rejected; report: they "were". */
  readonly mode = input<'preview' | 'report'>('preview');

  protected readonly expanded = signal(false);
  protected readonly errorCount = computed(() => this.issues().filter((i) => i.severity === 'error').length);
  protected readonly warningCount = computed(() => this.issues().length - this.errorCount());
  private readonly all = computed(() =>
    [...this.issues()]
      .sort((a, b) => severityRank(a) - severityRank(b) || (a.index ?? -1) - (b.index ?? -1))
      .map(
        (issue, i): IssueView => ({
          key: `${String(i)}:${String(issue.index)}`,
          severity: issue.severity,
          where:
            issue.index === null ? 'Bundle' : `Entry ${String(issue.index + 1)}${issue.resourceType ? ` · ${issue.resourceType}` : ''}`,
          fullUrl: issue.fullUrl,
          message: issue.message,
        }),
      ),
  );
  protected readonly shown = computed(() => (this.expanded() ? this.all() : this.all().slice(0, ISSUES_SHOWN_FIRST)));
  protected readonly hidden = computed(() => this.all().length - this.shown().length);
}

function severityRank(issue: FhirEntryIssue): number {
  return issue.severity === 'error' ? 0 : 1;
}

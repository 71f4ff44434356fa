import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CAUSE_STATUS_LABELS, type CauseStatus, causeByCode } from '@shared/domain/causes';

/**
 * A suspected cause as a small chip: the catalogue's short name and the verification status
 * (provisional, differential, confirmed, refuted), e.g. "Pseudarthrosis · Confirmed". The full name is
 * in the tooltip and, for screen readers, in the text.
 */
@Component({
  selector: 'app-cause-chip',
  template: `
    <span class="name" [attr.aria-hidden]="true">{{ shortName() }}</span>
    <span class="status" [attr.aria-hidden]="true">{{ statusLabel() }}</span>
    <span class="visually-hidden">{{ name() }}: {{ statusLabel() }}</span>
  `,
  styleUrl: './cause-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"cause-chip cause-chip-" + status()',
    '[attr.title]': 'name() + " (" + code() + "): " + statusLabel()',
  },
})
export class CauseChip {
  /** A code of the cause catalogue (src/shared/domain/causes.ts), e.g. 'POST-PSA'. */
  readonly code = input.required<string>();
  readonly status = input.required<CauseStatus>();

  private readonly cause = computed(() => causeByCode(this.code()));
  protected readonly name = computed(() => this.cause()?.name ?? this.code());
  protected readonly shortName = computed(() => this.cause()?.shortName ?? this.code());
  protected readonly statusLabel = computed(() => CAUSE_STATUS_LABELS[this.status()]);
}

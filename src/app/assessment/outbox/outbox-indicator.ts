import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { AssessmentOutbox } from './assessment-outbox';
import type { OutboxEntry } from './outbox-storage';
import { summariseBody } from './outbox-summary';

let nextId = 0;

/**
 * "Pending (N)": assessments of the signed-in user not yet on the server, with why and when they are
 * tried again, "Send now", and "Discard" for entries the server refused. Shows nothing when empty.
 */
@Component({
  selector: 'app-outbox-indicator',
  imports: [DatePipe, MatButton, MatIcon],
  templateUrl: './outbox-indicator.html',
  styleUrl: './outbox-indicator.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxIndicator {
  private readonly outbox = inject(AssessmentOutbox);

  /** Only this patient's entries; null for all of the user's. */
  readonly patientId = input<string | null>(null);

  protected readonly id = `outbox-${String(nextId++)}`;
  protected readonly open = signal(false);
  protected readonly entries = computed(() => {
    const patientId = this.patientId();
    const all = this.outbox.entries();
    return patientId ? all.filter((entry) => entry.patientId === patientId) : all;
  });
  protected readonly storageWorks = this.outbox.storageWorks;
  protected readonly summarise = (entry: OutboxEntry): string => summariseBody(entry.body);

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  protected sendNow(): void {
    this.outbox.retryNow();
  }

  protected discard(entry: OutboxEntry): void {
    this.outbox.discard(entry.key);
  }
}

import { InjectionToken } from '@angular/core';
import type { NewAssessmentBody } from '@shared/contracts/assessments';
import { Id, IsoDateTime } from '@shared/contracts/common';
import * as z from 'zod';

/**
 * Where unsent assessments wait: the browser's localStorage, one key per user
 * (`fbss.assessment-outbox.v1.<userId>`), so one user's entries are never read, shown or sent for
 * another user of the same browser. Specs provide a fake Storage.
 */
export const OUTBOX_STORAGE = new InjectionToken<Storage | null>('OUTBOX_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return window.localStorage;
    } catch {
      // Storage can be switched off (privacy settings): the outbox then lives in memory only.
      return null;
    }
  },
});

export const OUTBOX_KEY_PREFIX = 'fbss.assessment-outbox.v1.';

export function outboxKey(userId: string): string {
  return `${OUTBOX_KEY_PREFIX}${userId}`;
}

export const OUTBOX_STATUSES = ['pending', 'failed'] as const;

const StoredEntry = z.object({
  /** The Idempotency-Key, sent with every attempt of this submission. */
  key: z.string().min(8).max(200),
  userId: Id,
  patientId: Id,
  /** "Family, Given (MRN x)", to recognise the entry in the list. */
  patientLabel: z.string().max(300),
  /** The request body exactly as first sent (a retry must send the same body). */
  body: z.record(z.string(), z.unknown()),
  queuedAt: IsoDateTime,
  attempts: z.number().int().min(0),
  /** Epoch ms of the next automatic attempt; null: at the next chance. */
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** pending: will be sent; failed: the server refused it (kept, with the reason, until discarded). */
  status: z.enum(OUTBOX_STATUSES),
});

export type OutboxEntry = Omit<z.infer<typeof StoredEntry>, 'body'> & { readonly body: NewAssessmentBody };

const StoredOutbox = z.object({ entries: z.array(z.unknown()) });

/** The user's entries; unreadable entries are dropped (and logged), never another user's. */
export function readOutbox(storage: Storage | null, userId: string): OutboxEntry[] {
  const raw = storage?.getItem(outboxKey(userId));
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    console.error('Unreadable assessment outbox; ignoring it.');
    return [];
  }
  const outbox = StoredOutbox.safeParse(parsed);
  if (!outbox.success) return [];
  const entries: OutboxEntry[] = [];
  for (const item of outbox.data.entries) {
    const entry = StoredEntry.safeParse(item);
    if (entry.success && entry.data.userId === userId) entries.push(entry.data as OutboxEntry);
    else console.error('Dropped an unreadable assessment outbox entry.');
  }
  return entries;
}

/** Saves the user's entries (removes the key when empty). False when the browser refused (storage full or off). */
export function writeOutbox(storage: Storage | null, userId: string, entries: readonly OutboxEntry[]): boolean {
  if (!storage) return false;
  try {
    if (entries.length === 0) storage.removeItem(outboxKey(userId));
    else storage.setItem(outboxKey(userId), JSON.stringify({ entries }));
    return true;
  } catch {
    return false;
  }
}

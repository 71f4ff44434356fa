import type { AuditEventItem, AuditEventPage, UserSummary } from '@shared/contracts/admin';

/** Test data builders for the admin specs (never bundled: only specs import this file). */

let nextId = 1;

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function aUserSummary(overrides: Partial<UserSummary> = {}): UserSummary {
  const n = nextId++;
  return {
    id: uuid(1000 + n),
    username: `user.${String(n)}`,
    displayName: `User ${String(n)}`,
    role: 'nurse',
    active: true,
    mustChangePassword: false,
    lastSignInAt: '2025-05-01T08:30:00.000Z',
    createdAt: '2025-01-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEventItem> = {}): AuditEventItem {
  const n = nextId++;
  return {
    id: uuid(5000 + n),
    recordedAt: '2025-05-01T08:30:00.000Z',
    userId: uuid(1),
    username: 'nurse',
    role: 'nurse',
    action: 'execute',
    subtype: 'login',
    outcome: 'success',
    entityType: 'Session',
    entityId: null,
    patientId: null,
    clientAddress: '127.0.0.1',
    userAgent: 'Chromium',
    query: null,
    detail: null,
    ...overrides,
  };
}

export function anAuditPage(items: AuditEventItem[], overrides: Partial<AuditEventPage> = {}): AuditEventPage {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

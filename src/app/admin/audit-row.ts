import type { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditEventItem } from '@shared/contracts/admin';
import { ROLES, ROLE_LABELS, type Role } from '@shared/domain/permissions';

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Create',
  read: 'Read',
  update: 'Update',
  delete: 'Delete',
  execute: 'Execute',
};

export const AUDIT_OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  success: 'Success',
  denied: 'Denied',
  failed: 'Failed',
};

export const AUDIT_OUTCOME_ICONS: Readonly<Record<AuditOutcome, string>> = {
  success: 'check_circle',
  denied: 'block',
  failed: 'error',
};

/** An audit event as the viewer shows it. Patients appear only by their opaque id. */
export interface AuditRow {
  id: string;
  recordedAt: string;
  username: string | null;
  roleLabel: string | null;
  actionLabel: string;
  subtype: string;
  outcome: AuditOutcome;
  outcomeLabel: string;
  outcomeIcon: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  clientAddress: string | null;
  /** The event's detail and query, as `key: value` pairs. */
  details: string | null;
}

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A change recorded as `{ from, to }`. */
function isChange(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && 'from' in value && 'to' in value;
}

function entries(record: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(record).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value)) {
      if (isChange(value)) return [`${path}: ${describe(value['from'])} → ${describe(value['to'])}`];
      return entries(value, path);
    }
    return [`${path}: ${describe(value)}`];
  });
}

/** `a: 1; b.c: x; role: nurse → admin` for a record (nested keys dotted, changes as from → to), or null when empty. */
export function describeRecord(record: Record<string, unknown> | null): string | null {
  if (!record) return null;
  const parts = entries(record, '');
  return parts.length ? parts.join('; ') : null;
}

export function toAuditRow(event: AuditEventItem): AuditRow {
  const details = [describeRecord(event.detail), describeRecord(event.query)].filter((d): d is string => d !== null);
  return {
    id: event.id,
    recordedAt: event.recordedAt,
    username: event.username,
    roleLabel: isRole(event.role) ? ROLE_LABELS[event.role] : event.role,
    actionLabel: AUDIT_ACTION_LABELS[event.action],
    subtype: event.subtype,
    outcome: event.outcome,
    outcomeLabel: AUDIT_OUTCOME_LABELS[event.outcome],
    outcomeIcon: AUDIT_OUTCOME_ICONS[event.outcome],
    entityType: event.entityType,
    entityId: event.entityId,
    patientId: event.patientId,
    clientAddress: event.clientAddress,
    details: details.length ? details.join('; ') : null,
  };
}

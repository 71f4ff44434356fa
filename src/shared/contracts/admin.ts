import * as z from 'zod';
import { Password, Role, Username } from './auth';
import { Id, IsoDate, IsoDateTime, PageQuery, Version, pageOf } from './common';

export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  version: Version,
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListResponse = z.object({ items: z.array(UserSummary) });
export type UserListResponse = z.infer<typeof UserListResponse>;

export const DisplayName = z.string().trim().min(2, 'Use at least 2 characters').max(100);

export const CreateUserBody = z.object({
  username: Username,
  displayName: DisplayName,
  role: Role,
  /** An initial password; the user must change it at first sign-in. */
  password: Password,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    version: Version,
    displayName: DisplayName.optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => b.displayName !== undefined || b.role !== undefined || b.active !== undefined, { message: 'Change at least one field', path: ['displayName'] });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ version: Version, password: Password });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'execute'] as const;
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;

export const AuditEventQuery = PageQuery.extend({
  userId: Id.optional(),
  username: z.string().trim().max(64).optional(),
  patientId: Id.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

export const AuditEventItem = z.object({
  id: Id,
  recordedAt: IsoDateTime,
  userId: Id.nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  subtype: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: Id.nullable(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  query: z.record(z.string(), z.unknown()).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventItem = z.infer<typeof AuditEventItem>;

export const AuditEventPage = pageOf(AuditEventItem);
export type AuditEventPage = z.infer<typeof AuditEventPage>;

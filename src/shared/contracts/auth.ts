import * as z from 'zod';
import { ROLES } from '../domain/permissions';
import { Id, IsoDateTime } from './common';

/** Minimum password length (issue 3; NIST SP 800-63B allows long passphrases, we require 12). */
export const PASSWORD_MIN_LENGTH = 12;

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'Use at most 256 characters');

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'Use letters, digits, dot, dash or underscore');

export const Role = z.enum(ROLES);

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(64),
  password: z.string().min(1, 'Enter your password').max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user as the SPA sees it. Never carries a hash or a session id. */
export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z.object({
  user: SessionUser,
  /** Idle timeout in seconds (the SPA warns one minute before). */
  idleTimeoutSeconds: z.number().int().positive(),
  /** When the session ends at the latest (absolute lifetime). */
  expiresAt: IsoDateTime,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: Password,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

import type { Permission, Role } from '../shared/domain/permissions';

/**
 * Who is asking: every repository call takes the caller's access context (Medplum's pattern,
 * architecture.md convention 9), so writes carry their author and reads can be audited.
 */
export interface AccessContext {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly sessionId: string;
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
}

/** What a route requires: a permission from the matrix, any signed-in user, or nothing (the few open routes). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Deny by default: a route under /api or /fhir without `access` answers 403 to everyone. */
    access?: RouteAccess;
    /** Accepts an Idempotency-Key header; a replay returns the original status and body. */
    idempotent?: boolean;
  }
}

import type { User } from '../domain/people.js';
import type { Role } from '../domain/roles.js';
import { can, type Permission } from '../domain/roles.js';
import { forbidden } from '../domain/errors.js';

/** Who is calling, and in which workspace: every service call that touches workspace data takes one. */
export interface AuthContext {
  sessionId: string;
  user: User;
  workspaceId: string;
  role: Role;
}

/** Throws `forbidden` unless the caller's role grants the permission. */
export function requirePermission(ctx: AuthContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw forbidden();
}

export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do; later capabilities add their permissions here. */
const PERMISSIONS = {
  'workspace.manage': ['owner'],
  'members.manage': ['owner'],
  'members.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'connections.manage': ['owner', 'editor'],
  'connections.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'audit.view': ['owner'],
  'content.create': ['owner', 'editor'],
  'content.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'content.review': ['owner', 'reviewer'],
  'content.publish': ['owner', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when the role grants the permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

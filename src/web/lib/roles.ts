import type { Role } from '../../api/common.js';

export const roles: readonly Role[] = ['owner', 'editor', 'reviewer', 'viewer'];

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

/** One line on what each role may do, shown where roles are chosen. */
export const roleDescriptions: Record<Role, string> = {
  owner: 'Manages the workspace, members and connected accounts.',
  editor: 'Creates and edits videos.',
  reviewer: 'Approves or sends back videos before they are published.',
  viewer: 'Sees videos and stats, changes nothing.',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

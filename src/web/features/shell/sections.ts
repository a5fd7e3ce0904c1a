import type { IconName } from '../../components/Icon.js';

export interface Section {
  path: string;
  label: string;
  icon: IconName;
}

/** Navigation order: the creation loop first, workspace administration last. */
export const sections: Section[] = [
  { path: '/', label: 'Home', icon: 'home' },
  { path: '/create', label: 'Create', icon: 'create' },
  { path: '/library', label: 'Library', icon: 'library' },
  { path: '/review', label: 'Review', icon: 'review' },
  { path: '/calendar', label: 'Calendar', icon: 'calendar' },
  { path: '/connections', label: 'Connections', icon: 'connections' },
  { path: '/analytics', label: 'Analytics', icon: 'analytics' },
  { path: '/settings', label: 'Settings', icon: 'settings' },
  { path: '/privacy-center', label: 'Privacy', icon: 'privacy' },
];

import type { IconName } from '../../components/Icon.js';

export interface Section {
  path: string;
  label: string;
  icon: IconName;
  /** Set while the feature is not built: what the page will do, in plain words, with no sample data. */
  upcoming?: { heading: string; text: string };
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
  {
    path: '/privacy',
    label: 'Privacy',
    icon: 'privacy',
    upcoming: {
      heading: 'Privacy controls are on the way',
      text: 'Here you will be able to download the data AI Factory keeps about you and this workspace, and ask for it to be deleted.',
    },
  },
];

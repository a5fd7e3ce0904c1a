import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

interface EmptyStateProps {
  heading: string;
  icon?: IconName;
  children: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ heading, icon = 'library', children, action }: EmptyStateProps) {
  return (
    <section className="empty-state">
      <span className="empty-state-mark">
        <Icon name={icon} />
      </span>
      <h2 className="empty-state-heading">{heading}</h2>
      <div className="empty-state-body">{children}</div>
      {action && <div className="empty-state-action">{action}</div>}
    </section>
  );
}

import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle.js';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
}

/** The page's h1; tabIndex -1 lets the shell move focus here after navigation. */
export function PageHeader({ title, description }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className="page-header">
      <h1 className="page-title" tabIndex={-1}>
        {title}
      </h1>
      {description && <p className="page-description">{description}</p>}
    </header>
  );
}

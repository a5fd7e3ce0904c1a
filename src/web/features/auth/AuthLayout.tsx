import type { ReactNode } from 'react';
import { BrandLink } from '../../components/Brand.js';
import { LegalLinks } from '../../components/LegalLinks.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/** The calm, single-card frame used by every signed-out page. */
export function AuthLayout({ title, intro, footer, children }: AuthLayoutProps) {
  usePageTitle(title);
  return (
    <div className="auth-layout">
      <header className="auth-header">
        <BrandLink />
      </header>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {intro && <div className="auth-intro">{intro}</div>}
          {children}
        </div>
        {footer && <div className="auth-footer">{footer}</div>}
        <LegalLinks className="legal-links" />
      </main>
    </div>
  );
}

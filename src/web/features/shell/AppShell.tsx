import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { BrandLink } from '../../components/Brand.js';
import { LegalLinks } from '../../components/LegalLinks.js';
import { useMe } from '../../session/sessionContext.js';
import { MainNav } from './MainNav.js';
import { UserMenu } from './UserMenu.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

/** Header, navigation and the current page; everything inside belongs to the current workspace. */
export function AppShell() {
  const me = useMe();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, put focus on the new page's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname]);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <BrandLink compact />
        <WorkspaceSwitcher />
        <span className="header-spacer" />
        <UserMenu />
      </header>
      <div className="app-body">
        <MainNav />
        <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
          {/* Keyed by workspace so every page reloads its data after a switch. */}
          <Outlet key={me.currentWorkspace.id} />
          <LegalLinks className="legal-links app-footer" />
        </main>
      </div>
    </div>
  );
}

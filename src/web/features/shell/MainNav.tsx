import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { Icon } from '../../components/Icon.js';
import { sections } from './sections.js';

/** NavLink marks the active page with aria-current="page". */
export function MainNav() {
  const listRef = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();

  // On narrow screens the nav scrolls sideways: keep the active item in view.
  useEffect(() => {
    listRef.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);

  return (
    <nav className="app-nav" aria-label="Workspace">
      <ul ref={listRef} className="nav-list">
        {sections.map((section) => (
          <li key={section.path}>
            <NavLink to={section.path} end={section.path === '/'} className="nav-link">
              <Icon name={section.icon} />
              <span>{section.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { NavLink } from 'react-router-dom';

/** Switches the Library between the videos made here and the media they can use. */
export function LibraryViewsNav() {
  return (
    <nav aria-label="Library views" className="library-views">
      <NavLink to="/library" end className="library-view">
        Videos
      </NavLink>
      <NavLink to="/library/media" className="library-view">
        Media
      </NavLink>
    </nav>
  );
}

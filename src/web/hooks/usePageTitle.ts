import { useEffect } from 'react';

/** Screen-reader users and tabs both rely on the document title to know where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · AI Factory`;
  }, [title]);
}

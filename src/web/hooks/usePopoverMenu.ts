import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from './useDismiss.js';

/**
 * A header menu: a toggle button and the panel it opens, closed by Escape or by a click or Tab outside.
 * Spread `toggleProps` on the toggle button and `panelProps` on the panel; `containerRef` goes on the element
 * holding both. Destructure the result: the React Compiler lint takes `menu.containerRef` for a ref read in render.
 */
export function usePopoverMenu() {
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, containerRef, toggleRef);

  // The item that had focus disappears with the panel: hand focus back to the toggle.
  function closeAndRefocus() {
    close();
    toggleRef.current?.focus();
  }

  return {
    open,
    panelId,
    containerRef,
    closeAndRefocus,
    toggleProps: {
      ref: toggleRef,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((value) => !value),
    },
    panelProps: { id: panelId, hidden: !open },
  };
}

import { useEffect, type RefObject } from 'react';

/** Closes a popover on Escape (returning focus to its toggle), or when a click or Tab leaves it. */
export function useDismiss(
  open: boolean,
  onDismiss: () => void,
  containerRef: RefObject<HTMLElement | null>,
  toggleRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      onDismiss();
      toggleRef.current?.focus();
    }
    function onOutside(event: Event) {
      if (!containerRef.current?.contains(event.target as Node)) onDismiss();
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open, onDismiss, containerRef, toggleRef]);
}

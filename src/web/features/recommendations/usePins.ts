import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useMe } from '../../session/sessionContext.js';
import { parsePins, pinsKey, togglePin, unpin, type Pins } from './pins.js';

// Panels on one page (the cards and the next-series form in Create) hear each other's changes through this.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same workspace changed them.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export interface PinsControl {
  pins: Pins;
  toggle: (factor: string, level: string) => void;
  unpin: (factor: string) => void;
}

/** The current workspace's pins, kept in this browser's localStorage. */
export function usePins(): PinsControl {
  const key = pinsKey(useMe().currentWorkspace.id);
  const text = useSyncExternalStore(subscribe, () => window.localStorage.getItem(key));
  const pins = useMemo(() => parsePins(text), [text]);
  const change = useCallback(
    (next: (current: Pins) => Pins) => {
      window.localStorage.setItem(key, JSON.stringify(next(parsePins(window.localStorage.getItem(key)))));
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  return {
    pins,
    toggle: useCallback((factor, level) => change((p) => togglePin(p, factor, level)), [change]),
    unpin: useCallback((factor) => change((p) => unpin(p, factor)), [change]),
  };
}

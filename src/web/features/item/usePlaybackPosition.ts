import { useCallback, useEffect, useRef, useState } from 'react';
import { captionAt, NOTHING_ON_SCREEN, samePosition, type CaptionPosition } from './activeCue.js';
import type { CaptionCueView as CaptionCue } from '../../../api/version-outputs.js';

/**
 * Follows a <video> and tells which caption (and word) is on screen, so the captions list can light up in step
 * with the picture. While playing it reads the clock every frame (timeupdate alone comes only ~4 times a second,
 * too coarse for words); it re-renders only when the caption or the word changes.
 */
export function usePlaybackPosition(cues: readonly CaptionCue[], videoKey: string) {
  const videoRef = useRef<HTMLVideoElement>(null);
  // Read by the frame loop; kept in a ref so that new cue arrays (each render) do not restart it.
  const cuesRef = useRef(cues);
  useEffect(() => {
    cuesRef.current = cues;
  }, [cues]);
  const [position, setPosition] = useState<CaptionPosition>(NOTHING_ON_SCREEN);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let frame = 0;
    const update = () => {
      const next = captionAt(cuesRef.current, video.currentTime * 1000);
      setPosition((previous) => (samePosition(previous, next) ? previous : next));
    };
    const follow = () => {
      update();
      frame = requestAnimationFrame(follow);
    };
    const start = () => {
      cancelAnimationFrame(frame);
      follow();
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      update();
    };
    const events: [string, () => void][] = [
      ['play', start],
      ['pause', stop],
      ['ended', stop],
      ['seeked', update],
      ['loadedmetadata', update],
    ];
    for (const [type, listener] of events) video.addEventListener(type, listener);
    update();
    return () => {
      cancelAnimationFrame(frame);
      for (const [type, listener] of events) video.removeEventListener(type, listener);
    };
  }, [videoKey]);

  /** Jumps to a moment and plays from there (the person asked to watch that caption). */
  const playFrom = useCallback((ms: number) => {
    const video = videoRef.current;
    if (!video) return;
    video.currentTime = ms / 1000;
    // A browser may refuse to play without a gesture it counts; the jump itself still happened.
    video.play().catch(() => undefined);
  }, []);

  return { videoRef, position, playFrom };
}

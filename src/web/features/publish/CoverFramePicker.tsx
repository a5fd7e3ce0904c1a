import { useEffect, useId, useRef } from 'react';
import type { ComposerVersion } from './composerVersion.js';
import { clampCover } from './instagramComposerRules.js';

interface CoverFramePickerProps {
  version: ComposerVersion;
  valueMs: number;
  onChange: (ms: number) => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A slider over the video's length; the still beside it shows the frame picked as the Reel's cover. */
export function CoverFramePicker({ version, valueMs, onChange }: CoverFramePickerProps) {
  const id = useId();
  const frame = useRef<HTMLVideoElement>(null);
  const max = clampCover(version.durationMs, version.durationMs);

  useEffect(() => {
    const video = frame.current;
    if (video && video.readyState > 0) video.currentTime = valueMs / 1000;
  }, [valueMs]);

  return (
    <div className="field cover-picker">
      <label htmlFor={id}>Cover frame</label>
      <div className="cover-picker-row">
        <video
          ref={frame}
          className="cover-picker-frame"
          muted
          playsInline
          preload="metadata"
          src={version.videoUrl}
          aria-hidden="true"
          onLoadedMetadata={(event) => (event.currentTarget.currentTime = valueMs / 1000)}
        />
        <div className="cover-picker-control">
          <input
            id={id}
            type="range"
            min={0}
            max={max}
            step={100}
            value={valueMs}
            aria-valuetext={`at ${seconds(valueMs)}`}
            onChange={(event) => onChange(clampCover(Number(event.target.value), version.durationMs))}
          />
          <span className="field-hint">
            At {seconds(valueMs)} of {seconds(version.durationMs)}
          </span>
        </div>
      </div>
    </div>
  );
}

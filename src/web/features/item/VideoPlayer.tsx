import type { RefObject } from 'react';
import type { VersionView } from '../../../api/content.js';
import { formatBytes } from '../../lib/fileSize.js';
import { formatDuration } from './formatMedia.js';
import type { VersionParts } from './versionOutputs.js';

interface VideoPlayerProps {
  title: string;
  version: VersionView;
  outputs: VersionParts;
  isCurrent: boolean;
  videoRef: RefObject<HTMLVideoElement | null>;
}

function writerLabel(writer: string): string {
  return writer === 'offline-template' ? 'the built-in offline writer' : writer === 'edited' ? 'you' : writer;
}

/** The video of one version (rendered, or uploaded as it is), its cover as poster, and what the file is. */
export function VideoPlayer({ title, version, outputs, isCurrent, videoRef }: VideoPlayerProps) {
  const { media, voice, script, upload } = outputs;
  return (
    <section className="player" aria-labelledby="player-heading">
      <h2 id="player-heading" className="visually-hidden">
        Video
      </h2>
      <figure className="player-figure">
        {/* Keyed by version: switching versions loads the new file instead of keeping the old one's state. */}
        <video
          key={version.id}
          ref={videoRef}
          className="player-video"
          controls
          playsInline
          preload="metadata"
          poster={version.coverUrl}
          src={version.videoUrl}
          aria-label={`${title}, version ${version.number}`}
        />
        <figcaption className="player-caption">
          Showing version {version.number}
          {isCurrent ? ' (current)' : ''}.{upload ? '' : ' The captions are part of the picture.'}
        </figcaption>
      </figure>
      <dl className="facts">
        <div>
          <dt>Length</dt>
          <dd>{formatDuration(media.durationMs)}</dd>
        </div>
        {media.video && (
          <div>
            <dt>Picture</dt>
            <dd>
              {media.video.width} × {media.video.height}, {Math.round(media.video.fps)} fps
            </dd>
          </div>
        )}
        <div>
          <dt>File size</dt>
          <dd>{formatBytes(media.sizeBytes)}</dd>
        </div>
        {upload && (
          <div className="facts-wide">
            <dt>Uploaded</dt>
            <dd>{upload.filename}</dd>
          </div>
        )}
        {voice && (
          <div>
            <dt>Voice</dt>
            <dd>
              {voice.voice === 'none' || voice.durationMs === 0 ? 'None' : `${voice.voice} (${voice.engine})`}
            </dd>
          </div>
        )}
        {script && (
          <div>
            <dt>Script by</dt>
            <dd>{writerLabel(script.writer)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

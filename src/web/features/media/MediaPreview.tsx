import type { MediaAssetView } from '../../../api/library.js';

/** The file itself, small: a thumbnail, a muted clip or an audio player. */
export function MediaPreview({ asset }: { asset: MediaAssetView }) {
  switch (asset.kind) {
    case 'image':
      // The name right below says what it is: the picture adds nothing a screen reader should repeat.
      return (
        <img
          className="media-preview"
          src={asset.url}
          alt=""
          loading="lazy"
          width={asset.width}
          height={asset.height}
        />
      );
    case 'video':
      // The #t fragment makes the browser show a frame instead of a black box before playing.
      return (
        <video
          className="media-preview"
          src={`${asset.url}#t=0.1`}
          muted
          playsInline
          controls
          preload="metadata"
          aria-label={`Clip ${asset.filename}`}
        />
      );
    case 'audio':
      return (
        <audio
          className="media-audio"
          src={asset.url}
          controls
          preload="metadata"
          aria-label={`Audio ${asset.filename}`}
        />
      );
  }
}

import { useQuery } from '@tanstack/react-query';
import type { BriefView } from '../../../api/content.js';
import { platformLabels } from '../connections/platformLabels.js';
import { hookStyles } from '../create/briefOptions.js';
import { musicLabel } from '../create/musicLabels.js';
import { mediaAssetQuery } from '../media/mediaApi.js';

/** What was asked for, folded away: useful when comparing a result with its brief. */
export function BriefSummary({ brief: b, seriesId }: { brief: BriefView; seriesId: string | null }) {
  const hook = hookStyles.find((choice) => choice.value === (b.hookStyle ?? 'tone'));
  return (
    <details className="panel brief-summary">
      <summary className="panel-title">The brief</summary>
      <dl className="facts">
        <div>
          <dt>Topic</dt>
          <dd>{b.topic}</dd>
        </div>
        {b.keyPoints.length > 0 && (
          <div className="facts-wide">
            <dt>Key points</dt>
            <dd>
              <ol>
                {b.keyPoints.map((point, index) => (
                  <li key={index}>{point}</li>
                ))}
              </ol>
            </dd>
          </div>
        )}
        <div>
          <dt>Audience</dt>
          <dd>{b.audience || '—'}</dd>
        </div>
        <div>
          <dt>Tone, language</dt>
          <dd>
            {b.tone}, {b.language}
          </dd>
        </div>
        <div>
          <dt>Hook</dt>
          <dd>{hook?.value === 'tone' ? 'Matched to the tone' : hook?.label}</dd>
        </div>
        <div>
          <dt>Length asked for</dt>
          <dd>{b.durationSeconds} seconds</dd>
        </div>
        <div>
          <dt>Style, voice</dt>
          <dd>
            {b.stylePreset}, {b.voice === 'none' ? 'no voice' : `${b.voice} voice`}
          </dd>
        </div>
        <div>
          <dt>Background music</dt>
          <dd>
            {b.music.startsWith('library:') ? <LibraryMusicName choice={b.music} /> : musicLabel(b.music, [])}
          </dd>
        </div>
        <div>
          <dt>Platforms</dt>
          <dd>{b.platforms.map((platform) => platformLabels[platform]).join(', ')}</dd>
        </div>
        {seriesId && (
          <div>
            <dt>Series</dt>
            <dd>Part of a series, created together with other briefs</dd>
          </div>
        )}
      </dl>
    </details>
  );
}

/** The name of the library file a brief's music names, once the server has answered. */
function LibraryMusicName({ choice }: { choice: string }) {
  const asset = useQuery(mediaAssetQuery(choice.slice('library:'.length)));
  if (asset.status === 'pending') return <>An audio file from the media library</>;
  return <>{musicLabel(choice, asset.data ? [asset.data] : [])}</>;
}

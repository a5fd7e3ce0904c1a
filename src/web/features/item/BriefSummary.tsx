import { z } from 'zod';
import { useCallback } from 'react';
import { platformSchema, type PlatformName } from '../../../api/connections.js';
import { useQuery } from '../../hooks/useQuery.js';
import { platformLabels } from '../connections/platformLabels.js';
import { loadMediaAsset } from '../media/mediaApi.js';
import { musicLabel } from '../create/musicLabels.js';

// The item's brief is typed loosely by the API; these are the parts worth showing back.
const briefView = z.object({
  topic: z.string(),
  keyPoints: z.array(z.string()).catch([]),
  audience: z.string().catch(''),
  tone: z.string().catch(''),
  language: z.string().catch(''),
  durationSeconds: z.number().catch(0),
  stylePreset: z.string().catch(''),
  voice: z.string().catch('default'),
  // Briefs made before music existed have none.
  music: z.string().catch('none'),
  platforms: z.array(platformSchema).catch(['tiktok', 'instagram', 'youtube']),
});

/** The platforms the brief targets; all three when the brief cannot be read. */
export function briefPlatforms(brief: Record<string, unknown>): PlatformName[] {
  const parsed = briefView.shape.platforms.safeParse(brief.platforms);
  return parsed.success ? parsed.data : ['tiktok', 'instagram', 'youtube'];
}

/** What was asked for, folded away: useful when comparing a result with its brief. */
export function BriefSummary({ brief }: { brief: Record<string, unknown> }) {
  const parsed = briefView.safeParse(brief);
  if (!parsed.success) return null;
  const b = parsed.data;
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
      </dl>
    </details>
  );
}

/** The name of the library file a brief's music names, once the server has answered. */
function LibraryMusicName({ choice }: { choice: string }) {
  const id = choice.slice('library:'.length);
  const load = useCallback((signal: AbortSignal) => loadMediaAsset(id, signal), [id]);
  const asset = useQuery(load);
  if (asset.status === 'loading') return <>An audio file from the media library</>;
  return <>{musicLabel(choice, asset.status === 'ready' ? [asset.data] : [])}</>;
}

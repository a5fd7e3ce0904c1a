import type { PlatformMetadataView } from '../../../api/version-outputs.js';
import { platformLabels, platformOrder } from '../connections/platformLabels.js';

/** The texts each platform would get with this version: what the reviewer approves along with the video. */
export function PlatformTexts({ metadata }: { metadata: PlatformMetadataView }) {
  const platforms = platformOrder.filter((platform) => metadata[platform]);
  if (platforms.length === 0) return <p className="muted">This version has no platform texts.</p>;
  return (
    <dl className="platform-texts">
      {platforms.map((platform) => {
        const texts = metadata[platform];
        return (
          <div key={platform} className="platform-texts-entry">
            <dt>{platformLabels[platform]}</dt>
            {texts && 'title' in texts ? (
              <dd>
                <strong>{texts.title}</strong>
                {texts.description && <span className="platform-texts-body">{texts.description}</span>}
                {texts.tags.length > 0 && <span className="muted">Tags: {texts.tags.join(', ')}</span>}
              </dd>
            ) : (
              <dd className="platform-texts-body">{texts?.caption}</dd>
            )}
            {texts?.aiGenerated && <dd className="muted">Labelled as AI-generated</dd>}
          </div>
        );
      })}
    </dl>
  );
}

import { RelativeTime } from '../library/RelativeTime.js';
import type { VersionView } from '../../../api/content.js';

interface VersionListProps {
  versions: VersionView[];
  shownId: string;
  currentId: string | null;
  onShow: (id: string) => void;
}

/** Every version, newest first; choosing one shows it in the player. */
export function VersionList({ versions, shownId, currentId, onShow }: VersionListProps) {
  return (
    <section className="stack" aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="subsection-title">
        Versions
      </h2>
      <ul className="version-list">
        {versions.map((version) => (
          <li key={version.id}>
            <button
              type="button"
              className="version-button"
              aria-pressed={version.id === shownId}
              onClick={() => onShow(version.id)}
            >
              <span className="version-name">
                Version {version.number}
                {version.id === currentId ? ' (current)' : ''}
              </span>
              <RelativeTime iso={version.createdAt} prefix="made" />
              <code className="version-hash" title="Content fingerprint: equal fingerprints, equal videos">
                {version.contentHash.slice(0, 10)}
              </code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { z } from 'zod';
import type { platformsAvailable } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { platformLabels, platformOrder } from './platformLabels.js';
import { useConsentRedirect } from './useConsentRedirect.js';

type PlatformsAvailable = z.infer<typeof platformsAvailable>;

/** One button per platform; a platform this server has no app credentials for says so instead. */
export function ConnectPlatforms({ available }: { available: PlatformsAvailable }) {
  const redirect = useConsentRedirect();
  const configured = new Map(available.platforms.map((entry) => [entry.platform, entry.configured]));

  return (
    <div className="stack">
      <ErrorAlert error={redirect.error} />
      <ul className="connect-list">
        {platformOrder.map((platform) => {
          const label = platformLabels[platform];
          const ready = configured.get(platform) === true;
          const hintId = `connect-${platform}-hint`;
          return (
            <li key={platform} className="connect-item">
              <button
                type="button"
                className="button button-primary"
                disabled={!ready || redirect.leaving}
                aria-describedby={ready ? undefined : hintId}
                onClick={() => redirect.open(platform)}
              >
                Connect {label}
              </button>
              {!ready && (
                <p id={hintId} className="field-hint">
                  Not available: this server has no {label} app set up. An administrator has to add its
                  credentials first.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {redirect.leaving && (
        <p role="status" className="muted">
          Opening the consent page…
        </p>
      )}
    </div>
  );
}

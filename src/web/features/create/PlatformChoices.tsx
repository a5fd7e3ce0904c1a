import type { PlatformName } from '../../../api/connections.js';
import { platformLabels, platformOrder } from '../connections/platformLabels.js';

interface PlatformChoicesProps {
  selected: PlatformName[];
  error: string | undefined;
  onChange: (platforms: PlatformName[]) => void;
}

/** Which platforms the video is made for: each gets its own caption, title and checks. */
export function PlatformChoices({ selected, error, onChange }: PlatformChoicesProps) {
  function toggle(platform: PlatformName, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(platform);
    else next.delete(platform);
    onChange(platformOrder.filter((name) => next.has(name)));
  }

  return (
    <fieldset className="fieldset" aria-describedby={error ? 'platforms-error' : undefined}>
      <legend>Platforms</legend>
      <p className="field-hint">
        Each one gets its own caption or title, and the video is checked against its rules.
      </p>
      <div className="choice-row">
        {platformOrder.map((platform) => (
          <label key={platform} className="choice">
            <input
              type="checkbox"
              name={`platform-${platform}`}
              checked={selected.includes(platform)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(platform, event.target.checked)}
            />
            <span className="choice-label">{platformLabels[platform]}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id="platforms-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

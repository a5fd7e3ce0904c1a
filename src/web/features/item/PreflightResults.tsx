import type { PlatformName } from '../../../api/connections.js';
import { Icon } from '../../components/Icon.js';
import { platformLabels, platformOrder } from '../connections/platformLabels.js';
import type { PreflightViolation } from './versionOutputs.js';

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

interface PreflightResultsProps {
  violations: PreflightViolation[];
  platforms: PlatformName[];
}

/** The rendered file checked against each target platform's rules (size, length, format, texts). */
export function PreflightResults({ violations, platforms }: PreflightResultsProps) {
  const names = listNames(platformOrder.filter((p) => platforms.includes(p)).map((p) => platformLabels[p]));
  return (
    <section className="panel" aria-labelledby="preflight-heading">
      <h2 id="preflight-heading" className="panel-title">
        Platform checks
      </h2>
      {violations.length === 0 ? (
        <p className="preflight-pass">
          <Icon name="check" />
          Passes the checks for {names || 'every platform'}.
        </p>
      ) : (
        <>
          <p>
            {violations.length === 1 ? 'One platform rule is' : `${violations.length} platform rules are`} not
            met. Fix {violations.length === 1 ? 'it' : 'them'} before publishing there:
          </p>
          <ul className="preflight-problems">
            {violations.map((violation, index) => (
              <li key={`${violation.platform}-${violation.rule}-${index}`}>
                <strong>{platformLabels[violation.platform]}:</strong> {violation.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

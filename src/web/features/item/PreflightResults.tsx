import type { PlatformName } from '../../../api/connections.js';
import { Icon } from '../../components/Icon.js';
import { platformLabels } from '../connections/platformLabels.js';
import { summarisePreflight } from './preflightSummary.js';
import type { PreflightViolationView as PreflightViolation } from '../../../api/version-outputs.js';

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function FindingList({ findings, className }: { findings: PreflightViolation[]; className: string }) {
  return (
    <ul className={className}>
      {findings.map((finding, index) => (
        <li key={`${finding.platform}-${finding.rule}-${index}`}>
          <strong>{platformLabels[finding.platform]}:</strong> {finding.message}
        </li>
      ))}
    </ul>
  );
}

interface PreflightResultsProps {
  violations: PreflightViolation[];
  platforms: PlatformName[];
}

/** The video file checked against each target platform's rules (size, length, format, texts). */
export function PreflightResults({ violations, platforms }: PreflightResultsProps) {
  const { passing, problems, notes } = summarisePreflight(violations, platforms);
  const names = listNames(passing.map((p) => platformLabels[p]));
  return (
    <section className="panel" aria-labelledby="preflight-heading">
      <h2 id="preflight-heading" className="panel-title">
        Platform checks
      </h2>
      {(passing.length > 0 || problems.length === 0) && (
        <p className="preflight-pass">
          <Icon name="check" />
          Passes the checks for {names || 'every platform'}.
        </p>
      )}
      {problems.length > 0 && (
        <>
          <p>
            {problems.length === 1 ? 'One platform rule is' : `${problems.length} platform rules are`} not
            met. Fix {problems.length === 1 ? 'it' : 'them'} before publishing there:
          </p>
          <FindingList findings={problems} className="preflight-problems" />
        </>
      )}
      {notes.length > 0 && (
        <>
          <p>Good to know:</p>
          <FindingList findings={notes} className="preflight-notes" />
        </>
      )}
    </section>
  );
}

import type { PlatformName } from '../../../api/connections.js';
import { platformOrder } from '../connections/platformLabels.js';
import type { PreflightViolationView as PreflightViolation } from '../../../api/version-outputs.js';

export interface PreflightSummary {
  /** Target platforms the file may be published on as it is, in the usual order. */
  passing: PlatformName[];
  /** Rules the file breaks: it cannot go to those platforms until they are fixed. */
  problems: PreflightViolation[];
  /** Taken, but treated differently (e.g. a regular YouTube video instead of a Short). */
  notes: PreflightViolation[];
}

/** Sorts the checks of one file: a warning does not keep its platform from passing. */
export function summarisePreflight(
  violations: readonly PreflightViolation[],
  platforms: readonly PlatformName[],
): PreflightSummary {
  const problems = violations.filter((v) => v.severity !== 'warning');
  const notes = violations.filter((v) => v.severity === 'warning');
  const failing = new Set(problems.map((v) => v.platform));
  const passing = platformOrder.filter((p) => platforms.includes(p) && !failing.has(p));
  return { passing, problems, notes };
}

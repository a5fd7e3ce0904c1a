const PACIFIC = 'America/Los_Angeles';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The wall-clock fields of an instant in Pacific time. */
function pacificFields(ms: number): { year: number; month: number; day: number; wallAsUtc: number } {
  const fields: Record<string, number> = {};
  for (const part of PARTS.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const [year, month, day] = [fields.year ?? 0, fields.month ?? 1, fields.day ?? 1];
  const wallAsUtc = Date.UTC(year, month - 1, day, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return { year, month, day, wallAsUtc };
}

/** How far Pacific wall-clock time is from UTC at an instant (-7 h in summer, -8 h in winter), ms. */
function pacificOffsetMs(ms: number): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return pacificFields(wholeSecond).wallAsUtc - wholeSecond;
}

/**
 * The first midnight in America/Los_Angeles strictly after `nowMs`, when YouTube's daily quota resets. DST is taken
 * from the time zone database (Intl), so the answer is 07:00 or 08:00 UTC as the season requires.
 */
export function nextPacificMidnight(nowMs: number): number {
  const today = pacificFields(nowMs);
  // Midnight of the next Pacific day, written as if it were UTC, then shifted by the offset in force then. The
  // offset is read at the shifted instant again because the first guess may sit on the other side of a DST change.
  const wall = Date.UTC(today.year, today.month - 1, today.day + 1);
  const guess = wall - pacificOffsetMs(wall);
  return wall - pacificOffsetMs(guess);
}

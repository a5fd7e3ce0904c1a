// Times are picked in the person's own time zone (the browser's) and sent as UTC ISO with the zone's name.

const pad = (value: number) => String(value).padStart(2, '0');

/** The IANA name of the person's time zone, e.g. "Europe/Paris". */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Europe/Paris (GMT+1)": the zone's name with its offset at that moment. */
export function zoneLabel(at: Date, zone = localZone()): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${zone} (${offset})` : zone;
}

/** A Date as a local `<input type="datetime-local">` value, to the minute. */
export function toLocalInputValue(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** A local date-time input value as a UTC ISO string; null when empty or not a date-time. */
export function localInputToUtc(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A sensible first suggestion for "Schedule": the next full hour after an hour from now. */
export function defaultScheduleInput(now: Date): string {
  const suggestion = new Date(now.getTime() + 60 * 60 * 1000);
  suggestion.setMinutes(0, 0, 0);
  suggestion.setHours(suggestion.getHours() + 1);
  return toLocalInputValue(suggestion);
}

const plannedFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Tue 5 Mar, 10:00" in the person's zone. */
export function formatPlanned(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : plannedFormat.format(date);
}

/** "10:00" in the person's zone. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

import type { PublicationView } from '../../../api/publishing.js';
import { plannedAt } from '../publish/publicationStatus.js';

// The calendar works in the person's own time zone (the browser's): days, weeks and "same time of day".

export type CalendarView = 'month' | 'week';

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of a moment, as "YYYY-MM-DD". */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a "YYYY-MM-DD" key. */
export function dayFromKey(key: string): Date {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The Monday on or before a day. */
export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The days shown: the 7 days of the week, or the whole weeks (Monday first) that cover the month. */
export function visibleDays(view: CalendarView, anchor: Date): Date[] {
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i));
  const first = startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const days: Date[] = [];
  for (let day = first; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The time range to ask the server for: from the first shown day's start to the day after the last. */
export function visibleRange(view: CalendarView, anchor: Date): { from: string; to: string } {
  const days = visibleDays(view, anchor);
  const first = days[0] ?? startOfDay(anchor);
  const last = days[days.length - 1] ?? first;
  return { from: first.toISOString(), to: addDays(last, 1).toISOString() };
}

/** The anchor one month or week before (-1) or after (+1). */
export function shiftAnchor(view: CalendarView, anchor: Date, step: -1 | 1): Date {
  return view === 'week'
    ? addDays(anchor, 7 * step)
    : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** Publications by local day of their planned time, each day in time order. */
export function byDay(publications: PublicationView[]): Map<string, PublicationView[]> {
  const days = new Map<string, PublicationView[]>();
  const sorted = [...publications].sort((a, b) => plannedAt(a).localeCompare(plannedAt(b)));
  for (const publication of sorted) {
    const key = dayKey(new Date(plannedAt(publication)));
    days.set(key, [...(days.get(key) ?? []), publication]);
  }
  return days;
}

/** The same local time of day as `iso`, on another day: what dragging to that day means. */
export function sameTimeOnDay(iso: string, targetDay: string): Date {
  const time = new Date(iso);
  const day = dayFromKey(targetDay);
  return new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    time.getHours(),
    time.getMinutes(),
    time.getSeconds(),
  );
}

/** Whether a day lies before today (nothing can be planned there). */
export function isPastDay(key: string, now: Date): boolean {
  return key < dayKey(now);
}

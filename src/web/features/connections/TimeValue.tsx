import { formatAbsolute, formatRelative, parseDate } from './formatTime.js';
import { useNow } from './useNow.js';

interface TimeValueProps {
  iso: string | null;
  /** Said when there is no time at all, e.g. "Never". */
  missing: string;
  /** Expiry times in the past read "expired … ago" rather than just "… ago". */
  expiry?: boolean;
}

/** A moment as both "in 3 hours" and the exact date and time, so neither has to be worked out. */
export function TimeValue({ iso, missing, expiry = false }: TimeValueProps) {
  const now = useNow();
  if (iso === null) return <span className="muted">{missing}</span>;
  const date = parseDate(iso);
  if (!date) return <span>{iso}</span>;
  const relative = formatRelative(date, now);
  const expired = expiry && date.getTime() <= now.getTime();
  return (
    <span className="time-value">
      <time dateTime={iso}>{expired ? `expired ${relative}` : relative}</time>
      <span className="muted"> ({formatAbsolute(date)})</span>
    </span>
  );
}

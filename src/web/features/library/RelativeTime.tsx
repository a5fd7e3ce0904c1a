import { formatAbsolute, formatRelative, parseDate } from '../connections/formatTime.js';
import { useNow } from '../connections/useNow.js';

/** "3 minutes ago", with the exact date and time for anyone who hovers or reads it out. */
export function RelativeTime({ iso, prefix = 'Created' }: { iso: string; prefix?: string }) {
  const now = useNow();
  const date = parseDate(iso);
  if (!date) return <span className="item-time">{iso}</span>;
  const absolute = formatAbsolute(date);
  return (
    <span className="item-time">
      {prefix}{' '}
      <time dateTime={iso} title={absolute}>
        {formatRelative(date, now)}
      </time>
    </span>
  );
}

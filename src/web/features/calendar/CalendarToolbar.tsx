import { startOfWeek, type CalendarView } from './calendarGrid.js';

interface CalendarToolbarProps {
  view: CalendarView;
  anchor: Date;
  onView: (view: CalendarView) => void;
  onToday: () => void;
  onStep: (step: -1 | 1) => void;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function rangeTitle(view: CalendarView, anchor: Date): string {
  if (view === 'month') return monthFormat.format(anchor);
  const start = startOfWeek(anchor);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return `${dayFormat.format(start)} – ${dayFormat.format(end)}`;
}

/** Month or week, previous / today / next, and what range is shown. */
export function CalendarToolbar({ view, anchor, onView, onToday, onStep }: CalendarToolbarProps) {
  const unit = view === 'month' ? 'month' : 'week';
  return (
    <div className="calendar-toolbar">
      <div className="button-row" role="group" aria-label="View">
        {(['month', 'week'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className="button button-secondary"
            aria-pressed={view === choice}
            onClick={() => onView(choice)}
          >
            {choice === 'month' ? 'Month' : 'Week'}
          </button>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => onStep(-1)}>
          Previous {unit}
        </button>
        <button type="button" className="button button-secondary" onClick={onToday}>
          Today
        </button>
        <button type="button" className="button button-secondary" onClick={() => onStep(1)}>
          Next {unit}
        </button>
      </div>
      <h2 className="calendar-title" aria-live="polite">
        {rangeTitle(view, anchor)}
      </h2>
    </div>
  );
}

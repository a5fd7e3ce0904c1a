import { useState, type DragEvent } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { byDay, dayKey, isPastDay, type CalendarView } from './calendarGrid.js';
import { CalendarEntry, DRAG_TYPE } from './CalendarEntry.js';

interface CalendarGridProps {
  view: CalendarView;
  days: Date[];
  /** The month shown (days of other months are dimmed); ignored in week view. */
  month: number;
  publications: PublicationView[];
  onOpen: (id: string) => void;
  onMove: (publicationId: string, day: string) => void;
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayLabelFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** The days as a grid, each a drop target listing its publications in time order. */
export function CalendarGrid({ view, days, month, publications, onOpen, onMove }: CalendarGridProps) {
  const [over, setOver] = useState<string | null>(null);
  const grouped = byDay(publications);
  const today = new Date();
  const todayKey = dayKey(today);

  function allowDrop(event: DragEvent<HTMLElement>, key: string) {
    if (isPastDay(key, today) || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(key);
  }

  function drop(event: DragEvent<HTMLElement>, key: string) {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (id) onMove(id, key);
  }

  return (
    <div className={`calendar calendar-${view}`}>
      <div className="calendar-weekdays" aria-hidden="true">
        {days.slice(0, 7).map((day) => (
          <span key={day.toISOString()}>{weekdayFormat.format(day)}</span>
        ))}
      </div>
      <div className="calendar-days">
        {days.map((day) => {
          const key = dayKey(day);
          const entries = grouped.get(key) ?? [];
          const classes = [
            'calendar-day',
            view === 'month' && day.getMonth() !== month ? 'calendar-day-other' : '',
            key === todayKey ? 'calendar-day-today' : '',
            over === key ? 'calendar-day-over' : '',
          ];
          return (
            <section
              key={key}
              className={classes.filter(Boolean).join(' ')}
              aria-label={dayLabelFormat.format(day)}
              data-day={key}
              onDragOver={(event) => allowDrop(event, key)}
              onDragLeave={() => setOver((current) => (current === key ? null : current))}
              onDrop={(event) => drop(event, key)}
            >
              <span className="calendar-day-number" aria-current={key === todayKey ? 'date' : undefined}>
                {day.getDate()}
              </span>
              {entries.length > 0 && (
                <ul className="calendar-entries">
                  {entries.map((publication) => (
                    <CalendarEntry key={publication.id} publication={publication} onOpen={onOpen} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

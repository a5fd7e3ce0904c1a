import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardView } from '../../../api/analytics.js';
import { formatAxisCount, formatCount, formatDay, trendSummary } from './analyticsFormat.js';

/** Views gained per UTC day, as bars, with the same numbers as a table for screen readers. */
export function TrendChart({ trend }: { trend: DashboardView['trend'] }) {
  const { total, best } = trendSummary(trend);
  const first = trend[0];
  const last = trend[trend.length - 1];
  return (
    <section aria-labelledby="analytics-trend" className="stack">
      <h2 id="analytics-trend" className="section-title">
        Views gained per day
      </h2>
      <p className="muted" id="analytics-trend-summary">
        {first && last
          ? `${formatCount(total)} views gained from ${formatDay(first.day)} to ${formatDay(last.day)} (UTC days)` +
            (best ? `; the best day was ${formatDay(best.day)} with ${formatCount(best.views)}.` : '.')
          : 'No days in this range.'}
      </p>
      <div className="analytics-chart" aria-hidden="true" data-testid="trend-chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={trend} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={24} />
            <YAxis tickFormatter={formatAxisCount} width={48} allowDecimals={false} />
            <Tooltip
              labelFormatter={(day) => (typeof day === 'string' ? formatDay(day) : '')}
              formatter={(value) => [formatCount(Number(value)), 'Views gained']}
            />
            <Bar dataKey="views" name="Views gained" fill="var(--color-primary)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Views, likes, comments and shares gained per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Views</th>
            <th scope="col">Likes</th>
            <th scope="col">Comments</th>
            <th scope="col">Shares</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{formatCount(d.views)}</td>
              <td>{formatCount(d.likes)}</td>
              <td>{formatCount(d.comments)}</td>
              <td>{formatCount(d.shares)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

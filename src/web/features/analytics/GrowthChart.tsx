import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SNAPSHOT_AGES_HOURS } from '../../../domain/analytics/snapshot-schedule.js';
import {
  formatAge,
  formatAxisCount,
  formatCount,
  STATE_LABELS,
  type GrowthPoint,
} from './analyticsFormat.js';

const SERIES = [
  { key: 'views', name: 'Views', color: 'var(--color-primary)' },
  { key: 'likes', name: 'Likes', color: '#b4427c' },
  { key: 'comments', name: 'Comments', color: '#2f7d4f' },
  { key: 'shares', name: 'Shares', color: '#b86e00' },
] as const;

type Key = (typeof SERIES)[number]['key'];

/** One curve over the age since publishing (log scale), a point per reading; readings without numbers are gaps. */
function Curve({ points, keys, lastAge }: { points: GrowthPoint[]; keys: Key[]; lastAge: number }) {
  const planned = SNAPSHOT_AGES_HOURS.filter((age) => age <= Math.max(lastAge, 1));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="ageHours"
          type="number"
          scale="log"
          domain={[0.8, Math.max(lastAge * 1.1, 2)]}
          ticks={planned}
          tickFormatter={formatAge}
          allowDataOverflow
        />
        <YAxis tickFormatter={formatAxisCount} width={48} allowDecimals={false} />
        <Tooltip
          labelFormatter={(age) => `${formatAge(Number(age))} after publishing`}
          formatter={(v) => formatCount(Number(v))}
        />
        {planned.map((age) => (
          <ReferenceLine key={age} x={age} stroke="var(--color-border)" strokeDasharray="2 4" />
        ))}
        {SERIES.filter((s) => keys.includes(s.key)).map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            connectNulls={false}
            dot
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The growth curve of views, then likes, comments and shares, with a text summary for screen readers. */
export function GrowthChart({ points }: { points: GrowthPoint[] }) {
  const lastAge = points[points.length - 1]?.ageHours ?? 1;
  const withViews = points.filter((p) => p.views !== null);
  const gaps = points.filter((p) => p.state !== 'ok');
  const newest = withViews[withViews.length - 1];
  return (
    <section aria-labelledby="growth-title" className="stack">
      <h2 id="growth-title" className="section-title">
        Growth
      </h2>
      <p className="muted">
        {newest
          ? `${formatCount(newest.views)} views at ${formatAge(newest.ageHours)}, over ${withViews.length} readings with numbers.`
          : 'No reading has numbers yet.'}
        {gaps.length > 0 &&
          ` Gaps: ${gaps.map((g) => `${formatAge(g.ageHours)} (${STATE_LABELS[g.state as keyof typeof STATE_LABELS]})`).join(', ')}.`}{' '}
        Dashed lines mark the planned readings.
      </p>
      <div className="analytics-chart" aria-hidden="true" data-testid="growth-chart">
        <Curve points={points} keys={['views']} lastAge={lastAge} />
      </div>
      <h3 className="subsection-title">Likes, comments and shares</h3>
      <div className="analytics-chart" aria-hidden="true">
        <Curve points={points} keys={['likes', 'comments', 'shares']} lastAge={lastAge} />
      </div>
    </section>
  );
}

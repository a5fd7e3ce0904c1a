import { useId } from 'react';
import type { RecommendationsView } from '../../../api/analytics.js';
import { dotplotSummary, viewsText } from './cardText.js';
import { layoutDotplot } from './dotplot.js';

type NextVideo = NonNullable<RecommendationsView['nextVideo']>;

const WIDTH = 360;
const AXIS = 22;

/** "Your next video's likely views": 20 dots, each an equally likely outcome, on a log axis of views. */
export function ViewsDotplot({ next }: { next: NextVideo }) {
  const captionId = useId();
  const summaryId = useId();
  const layout = layoutDotplot(next.dots, WIDTH);
  const height = layout.height + AXIS;
  return (
    <figure className="dotplot">
      <figcaption id={captionId} className="dotplot-caption">
        Your next video’s likely views
      </figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="dotplot-chart"
      >
        {layout.dots.map((dot, i) => (
          <circle key={i} cx={dot.cx} cy={dot.cy} r={layout.radius - 1} className="dotplot-dot" />
        ))}
        <line x1={0} x2={WIDTH} y1={layout.height} y2={layout.height} className="dotplot-axis" />
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={layout.height}
              y2={layout.height + 4}
              className="dotplot-axis"
            />
            <text x={tick.x} y={layout.height + 17} textAnchor="middle" className="dotplot-tick">
              {viewsText(tick.value)}
            </text>
          </g>
        ))}
      </svg>
      <p id={summaryId} className="muted">
        {dotplotSummary(next)}
      </p>
    </figure>
  );
}

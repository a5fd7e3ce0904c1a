import type { RecommendationsView } from '../../../api/analytics.js';
import { chanceText, multiplierText, verdictLabel, videosText } from './cardText.js';
import { canPin } from './pins.js';

type Card = RecommendationsView['cards'][number];

interface RecommendationCardProps {
  card: Card;
  /** The level this factor is pinned at, if it is. */
  pinnedLevel: string | undefined;
  onTogglePin: () => void;
}

/** One factor: its best level, the effect with its 80 % range, how sure, on how many videos, and a pin. */
export function RecommendationCard({ card, pinnedLevel, onTogglePin }: RecommendationCardProps) {
  const pinned = pinnedLevel === card.bestLevel;
  const headingId = `recommendation-${card.factor}`;
  return (
    <li className="recommendation-card" aria-labelledby={headingId}>
      <div className="recommendation-head">
        <h3 id={headingId} className="recommendation-factor">
          {card.factorLabel}
        </h3>
        <span className={`badge verdict-${card.verdict}`}>{verdictLabel(card.verdict)}</span>
      </div>
      <p className="recommendation-level">{card.bestLevelLabel}</p>
      <p>
        <span className="recommendation-effect">{multiplierText(card.multiplier)}</span>
        <span className="muted"> the views of a typical video</span>
      </p>
      <p className="muted">
        {chanceText(card.probabilityBest)} · {videosText(card.videos)}
      </p>
      {canPin(card.factor) && (
        <div className="recommendation-pin">
          <button
            type="button"
            className="button button-secondary pin-button"
            aria-pressed={pinned}
            aria-label={`Pin ${card.factorLabel} at ${card.bestLevelLabel}`}
            onClick={onTogglePin}
          >
            Pin
          </button>
          <span className="muted">
            {pinned
              ? `Next briefs keep ${card.bestLevelLabel}.`
              : pinnedLevel !== undefined
                ? 'Pinned at another level.'
                : ''}
          </span>
        </div>
      )}
    </li>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { RecommendationCard } from './RecommendationCard.js';
import { recommendationsQuery } from './recommendationsApi.js';
import { usePins } from './usePins.js';
import type { RecommendationsView } from '../../../api/analytics.js';
import { ViewsDotplot } from './ViewsDotplot.js';

interface RecommendationsPanelProps {
  /** One account's recommendations; left out: the workspace's. */
  connectionId?: string;
  /** Create's side panel: the cards without the dotplot or the apply link (the form beside it applies them). */
  compact?: boolean;
}

/** The learning loop's advice: a card per factor, the next video's likely views, and "Apply to the next series". */
export function RecommendationsPanel({ connectionId, compact = false }: RecommendationsPanelProps) {
  const view = useQuery(recommendationsQuery(connectionId));
  if (view.isPending) return <Loading label="Loading recommendations…" />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const { cards, nextVideo, emptyReason } = view.data;
  if (cards.length === 0) {
    return (
      <EmptyState heading="No recommendations yet" icon="analytics">
        <p>{emptyReason ?? 'There is nothing to recommend yet.'}</p>
      </EmptyState>
    );
  }
  return (
    <section className="recommendations" aria-labelledby="recommendations-heading">
      <div className="recommendations-head">
        <h2 id="recommendations-heading" className="panel-title">
          What works for your videos
        </h2>
        {!compact && (
          <Link className="button button-primary" to="/create?mode=recommended">
            Apply to the next series
          </Link>
        )}
      </div>
      <CardList cards={cards} compact={compact} />
      {!compact && nextVideo && <ViewsDotplot next={nextVideo} />}
    </section>
  );
}

/** The cards with their pins (the pins need the signed-in workspace, so only a panel with cards reads them). */
function CardList({ cards, compact }: { cards: RecommendationsView['cards']; compact: boolean }) {
  const { pins, toggle } = usePins();
  return (
    <ul className={compact ? 'recommendation-cards compact' : 'recommendation-cards'}>
      {cards.map((card) => (
        <RecommendationCard
          key={card.factor}
          card={card}
          pinnedLevel={pins[card.factor]}
          onTogglePin={() => toggle(card.factor, card.bestLevel)}
        />
      ))}
    </ul>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router-dom';
import type { ReviewView } from '../../../api/publishing.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { itemQuery } from '../item/itemApi.js';
import { versionParts } from '../item/versionOutputs.js';
import { VideoPlayer } from '../item/VideoPlayer.js';
import { PlatformTexts } from './PlatformTexts.js';
import { ReviewDecision } from './ReviewDecision.js';
import { ReviewHistory } from './ReviewHistory.js';
import { ReviewStateBadge } from './ReviewStateBadge.js';

interface ReviewDetailProps {
  review: ReviewView;
  onDecided: (review: ReviewView) => void;
}

/** One queued version in full: the video as rendered (captions burnt in), its platform texts, the decision. */
export function ReviewDetail({ review, onDecided }: ReviewDetailProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const item = useQuery(itemQuery(review.itemId));
  const version = item.data?.versions.find((v) => v.id === review.versionId);
  return (
    <article className="review-detail" aria-labelledby="review-detail-heading">
      <header className="review-detail-head">
        <h2 id="review-detail-heading" className="panel-title">
          {review.itemTitle}, version {review.versionNumber}
        </h2>
        <ReviewStateBadge state={review.state} />
        <Link to={`/library/${encodeURIComponent(review.itemId)}`}>Open the video&apos;s page</Link>
      </header>
      {item.isPending && <Loading label="Loading the video…" />}
      <ErrorAlert error={item.error} />
      {version && (
        <div className="review-detail-body">
          <VideoPlayer
            title={review.itemTitle}
            version={version}
            outputs={versionParts(version.outputs)}
            isCurrent={version.id === item.data?.item.currentVersionId}
            videoRef={videoRef}
          />
          <div className="stack">
            <section aria-labelledby="review-texts-heading">
              <h3 id="review-texts-heading" className="review-subheading">
                Platform texts
              </h3>
              <PlatformTexts metadata={version.outputs.metadata} />
            </section>
            <ReviewDecision key={review.versionId} review={review} onDone={onDecided} />
            <section aria-labelledby="review-history-heading">
              <h3 id="review-history-heading" className="review-subheading">
                History
              </h3>
              <ReviewHistory history={review.history} label="Review history" />
            </section>
          </div>
        </div>
      )}
    </article>
  );
}

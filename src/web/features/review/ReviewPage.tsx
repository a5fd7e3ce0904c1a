import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ReviewView } from '../../../api/publishing.js';
import { SuccessNotice } from '../../components/Alerts.js';
import { PageHeader } from '../../components/PageHeader.js';
import { CreateTabs, panelId, tabId, type Tab } from '../create/CreateTabs.js';
import { reviewStateLabels, type ReviewState } from './reviewApi.js';
import { ReviewQueue } from './ReviewQueue.js';
import './review.css';

const tabs: readonly Tab<ReviewState>[] = [
  { id: 'pending', label: 'Waiting' },
  { id: 'approved', label: 'Approved' },
  { id: 'rejected', label: 'Sent back' },
];

const isState = (value: string | null): value is ReviewState =>
  value === 'pending' || value === 'approved' || value === 'rejected';

/** The review queue: tabs per state (kept in the address, so a link opens the same tab and version). */
export function ReviewPage() {
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: ReviewState = isState(stateParam) ? stateParam : 'pending';
  const [notice, setNotice] = useState<string | null>(null);

  function show(next: ReviewState, versionId?: string) {
    setParams(versionId ? { state: next, version: versionId } : { state: next }, { replace: true });
  }

  function decided(review: ReviewView) {
    const where = review.state ? reviewStateLabels[review.state] : '';
    setNotice(`${review.itemTitle}, version ${review.versionNumber}: ${where.toLowerCase()}.`);
  }

  return (
    <>
      <PageHeader
        title="Review"
        description="Versions submitted for review, newest first. Watch each one, read its platform texts, then approve it or send it back with a comment."
      />
      <div className="stack-large">
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        <CreateTabs
          label="Review queue"
          tabs={tabs}
          selected={state}
          onSelect={(next) => {
            setNotice(null);
            show(next);
          }}
        />
        <div role="tabpanel" id={panelId(state)} aria-labelledby={tabId(state)}>
          <ReviewQueue
            key={state}
            state={state}
            selectedId={params.get('version')}
            onSelect={(versionId) => show(state, versionId)}
            onDecided={decided}
          />
        </div>
      </div>
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ItemDetail, ItemView } from '../../../api/content.js';
import { asApiError } from '../../api/client.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import type { Notice } from '../connections/useCallbackOutcome.js';
import { isBusy } from '../library/itemStatus.js';
import { itemKeys, type ItemStatus } from '../library/libraryApi.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { ItemStatusBadge } from '../library/ItemStatusBadge.js';
import { RelativeTime } from '../library/RelativeTime.js';
import { BriefSummary } from './BriefSummary.js';
import { FailurePanel } from './FailurePanel.js';
import { GenerationProgress } from './GenerationProgress.js';
import { createVersion, itemQuery, retryItem, type VersionEdits } from './itemApi.js';
import { ItemWorkbench } from './ItemWorkbench.js';
import { PublishPanel } from '../publish/PublishPanel.js';
import { stageName } from './stages.js';

function ItemSummary({ item, status }: { item: ItemView; status: ItemStatus }) {
  return (
    <span className="item-summary">
      <RelativeTime iso={item.createdAt} />
      {/* A live region: it changes by itself as generation moves on. */}
      <span role="status">
        Status: <ItemStatusBadge status={status} />
      </span>
    </span>
  );
}

/** What to say once a generation settles, in words for the person who waited for it. */
function settledNotice({ item, versions }: ItemDetail): Notice | null {
  if (item.status === 'ready') {
    const current = versions.find((version) => version.id === item.currentVersionId);
    return { ok: true, text: current ? `Version ${current.number} is ready.` : 'The video is ready.' };
  }
  if (item.status === 'failed') {
    return {
      ok: false,
      text: `The video was not finished: it stopped at the ${stageName(item.failure?.stage ?? '')} stage.`,
    };
  }
  return null;
}

export function ItemPage() {
  const { id = '' } = useParams();
  const me = useMe();
  // Mirrors the server's content.create permission, which editing and retrying need too.
  const canEdit = me.role === 'owner' || me.role === 'editor';
  const queryClient = useQueryClient();
  // A failed re-read keeps the page on screen with what it read before, so the player and editors stay.
  const query = useQuery(itemQuery(id));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [startedHere, setStartedHere] = useState(false);
  const [shownId, setShownId] = useState<string | null>(null);
  // The item was read while queued; the event stream tells when that generation (by key) actually started.
  const [startedKey, setStartedKey] = useState<string | null>(null);

  async function onSettled() {
    // The library lists show this item too: they read it again when next shown.
    void queryClient.invalidateQueries({ queryKey: itemKeys.all, refetchType: 'none' });
    const result = await query.refetch();
    if (result.isSuccess) setNotice(settledNotice(result.data));
  }

  /** After an edit or a retry: the item is queued again, and the page follows the new generation. */
  async function followNewGeneration() {
    setNotice(null);
    setShownId(null);
    setStartedHere(true);
    await queryClient.invalidateQueries({ queryKey: itemKeys.all });
  }

  async function edit(edits: VersionEdits) {
    await createVersion(id, edits);
    await followNewGeneration();
  }

  async function retry() {
    await retryItem(id);
    await followNewGeneration();
  }

  const detail = query.data ?? null;
  const error = query.error ? asApiError(query.error) : null;
  const generationKey = detail ? `${detail.item.id}:${detail.item.updatedAt}` : '';
  const status =
    detail?.item.status === 'queued' && startedKey === generationKey ? 'generating' : detail?.item.status;
  // An uploaded video's brief was made from its title by the server, not asked for by anyone.
  const uploaded = detail?.item.source === 'upload';
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/library">Library</Link>
      </nav>
      {/* Always the same header element, so focus placed on it by the shell survives the load. */}
      <PageHeader
        title={detail?.item.title ?? 'Video'}
        description={detail && status ? <ItemSummary item={detail.item} status={status} /> : undefined}
      />
      {query.isPending && <Loading label="Loading the video…" />}
      {!detail &&
        error &&
        (error.status === 404 ? (
          <EmptyState
            heading="This video is not here"
            icon="library"
            action={<Link to="/library">Go to the Library</Link>}
          >
            <p>It may have been deleted, or it belongs to another workspace.</p>
          </EmptyState>
        ) : (
          <div className="stack">
            <ErrorAlert error={error} />
            <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ))}
      {detail && (
        <div className="stack-large">
          {notice &&
            (notice.ok ? (
              <SuccessNotice>{notice.text}</SuccessNotice>
            ) : (
              <ErrorAlert>{notice.text}</ErrorAlert>
            ))}
          {error && <ErrorAlert error={error} />}
          {isBusy(detail.item.status) && (
            // A fresh component (and event stream) for each generation, so no progress carries over.
            <GenerationProgress
              key={generationKey}
              itemId={detail.item.id}
              onStarted={() => setStartedKey(generationKey)}
              onSettled={() => void onSettled()}
              focusOnMount={startedHere}
              factoryStages={!uploaded}
            />
          )}
          {detail.item.status === 'failed' && detail.item.failure && (
            <FailurePanel failure={detail.item.failure} canRetry={canEdit} onRetry={retry} />
          )}
          <ItemWorkbench
            item={detail.item}
            versions={detail.versions}
            shownId={shownId}
            onShow={setShownId}
            canEdit={canEdit}
            onEdit={edit}
          />
          {detail.item.currentVersionId && (
            <ReviewPanel versionId={shownId ?? detail.item.currentVersionId} />
          )}
          <PublishPanel item={detail.item} versions={detail.versions} />
          {!uploaded && <BriefSummary brief={detail.item.brief} seriesId={detail.item.seriesId} />}
        </div>
      )}
    </>
  );
}

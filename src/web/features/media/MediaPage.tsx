import { useCallback, useState } from 'react';
import type { MediaAssetView } from '../../../api/library.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { usePagedQuery } from '../../hooks/usePagedQuery.js';
import { useMe } from '../../session/sessionContext.js';
import { LibraryViewsNav } from '../library/LibraryViewsNav.js';
import { deleteMedia, mediaLoader } from './mediaApi.js';
import { MediaList } from './MediaList.js';
import { MediaUploader } from './MediaUploader.js';

/** The workspace's own pictures, clips and music, next to its videos in the Library. */
export function MediaPage() {
  const me = useMe();
  const canChange = me.role === 'owner' || me.role === 'editor';
  const [loadPage] = useState(() => mediaLoader());
  const media = usePagedQuery(loadPage);
  const { updateItems } = media;
  const [deleting, setDeleting] = useState<MediaAssetView | null>(null);

  const addUploaded = useCallback(
    (asset: MediaAssetView) => updateItems((items) => [asset, ...items]),
    [updateItems],
  );

  async function confirmDelete() {
    if (!deleting) return;
    await deleteMedia(deleting.id);
    const { id } = deleting;
    updateItems((items) => items.filter((item) => item.id !== id));
  }

  return (
    <>
      <LibraryViewsNav />
      <PageHeader
        title="Media"
        description="Your own pictures and clips are used when their name or description matches what a beat of the script shows. Audio files can be chosen as background music."
      />
      <div className="stack-large">
        {canChange && <MediaUploader onUploaded={addUploaded} />}
        <MediaList media={media} onDelete={canChange ? setDeleting : undefined} />
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.filename ?? 'this file'}?`}
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        <p>
          New videos will no longer use it. Videos already made keep their{' '}
          {deleting?.kind === 'audio' ? 'music' : 'picture'}.
        </p>
      </ConfirmDialog>
    </>
  );
}

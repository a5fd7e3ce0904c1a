import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { MediaAssetView } from '../../../api/library.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import { LibraryViewsNav } from '../library/LibraryViewsNav.js';
import { deleteMedia, listMedia, mediaKeys } from './mediaApi.js';
import { MediaList } from './MediaList.js';
import { MediaUploader } from './MediaUploader.js';

/** The workspace's own pictures, clips and music, next to its videos in the Library. */
export function MediaPage() {
  const me = useMe();
  const canChange = me.role === 'owner' || me.role === 'editor';
  const queryClient = useQueryClient();
  const media = usePagedQuery({
    queryKey: mediaKeys.list,
    loadPage: (cursor, signal) => listMedia(cursor, signal),
  });
  const [deleting, setDeleting] = useState<MediaAssetView | null>(null);

  // The list, the music choices and the named files all read the library: each change refreshes them.
  const refreshMedia = useCallback(
    () => queryClient.invalidateQueries({ queryKey: mediaKeys.all }),
    [queryClient],
  );

  async function confirmDelete() {
    if (!deleting) return;
    await deleteMedia(deleting.id);
    await refreshMedia();
  }

  return (
    <>
      <LibraryViewsNav />
      <PageHeader
        title="Media"
        description="Your own pictures and clips are used when their name or description matches what a beat of the script shows. Audio files can be chosen as background music."
      />
      <div className="stack-large">
        {canChange && <MediaUploader onUploaded={() => void refreshMedia()} />}
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

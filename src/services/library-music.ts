import type { MediaAsset } from '../domain/content-item.js';
import { UserError } from '../domain/errors.js';
import type { MediaAssetRepository } from '../ports/store.js';

/** When the music is checked: as a brief is created, or as its video is rendered (a retry cannot help then). */
export type MusicCheck = 'brief' | 'render';

const WHAT_TO_DO: Record<MusicCheck, string> = {
  brief: 'Choose a built-in track or an audio file from the media library.',
  render: 'It cannot be rendered with this music any more: create the video again with other music.',
};

/**
 * The workspace's audio upload that a `library:<id>` music choice names. An id of another workspace, of a
 * deleted file or of a picture or clip is refused in plain words (a 400 `music_not_found`).
 */
export async function findLibraryMusic(
  assets: Pick<MediaAssetRepository, 'find'>,
  workspaceId: string,
  assetId: string,
  check: MusicCheck,
): Promise<MediaAsset> {
  const asset = await assets.find(workspaceId, assetId);
  if (asset?.kind === 'audio') return asset;
  const problem =
    asset === null
      ? 'The music chosen is no longer in the media library; it may have been deleted.'
      : `The music chosen, "${asset.filename}", is ${asset.kind === 'image' ? 'a picture' : 'a video'}, not an audio file.`;
  throw new UserError('validation', 'music_not_found', `${problem} ${WHAT_TO_DO[check]}`);
}

import type { ItemView, VersionView } from '../../../api/content.js';
import { isBusy } from '../library/itemStatus.js';
import { CaptionsEditor } from './CaptionsEditor.js';
import type { VersionEdits } from './itemApi.js';
import { MetadataEditor } from './MetadataEditor.js';
import { PreflightResults } from './PreflightResults.js';
import { ScriptEditor } from './ScriptEditor.js';
import { StageLog } from './StageLog.js';
import { versionParts } from './versionOutputs.js';
import { VersionList } from './VersionList.js';
import { usePlaybackPosition } from './usePlaybackPosition.js';
import { VideoPlayer } from './VideoPlayer.js';

interface ItemWorkbenchProps {
  item: ItemView;
  versions: VersionView[];
  /** The version in the player; null means the current one. */
  shownId: string | null;
  onShow: (versionId: string) => void;
  canEdit: boolean;
  onEdit: (edits: VersionEdits) => Promise<void>;
}

/**
 * The player and facts follow the version picked in the list; the editors always start from the current
 * version, since the server applies edits on top of it.
 */
export function ItemWorkbench({ item, versions, shownId, onShow, canEdit, onEdit }: ItemWorkbenchProps) {
  const current = versions.find((version) => version.id === item.currentVersionId) ?? versions[0];
  const shown = versions.find((version) => version.id === shownId) ?? current;
  const captions = current ? versionParts(current.outputs).captions : null;
  // The captions list is the current version's: it follows the player only while the player shows that version.
  const followsPlayer = shown !== undefined && shown.id === current?.id;
  const playback = usePlaybackPosition(followsPlayer ? (captions ?? []) : [], shown?.id ?? '');
  if (!current || !shown) return null;
  const shownOutputs = versionParts(shown.outputs);
  const { script, metadata } = versionParts(current.outputs);
  const locked = isBusy(item.status);
  const editorProps = { canEdit, locked, onSave: onEdit };

  return (
    <div className="item-layout">
      <div className="item-media">
        <VideoPlayer
          title={item.title}
          version={shown}
          outputs={shownOutputs}
          isCurrent={shown.id === current.id}
          videoRef={playback.videoRef}
        />
        <VersionList versions={versions} shownId={shown.id} currentId={current.id} onShow={onShow} />
      </div>
      <div className="item-details">
        <PreflightResults violations={shownOutputs.preflight} platforms={item.brief.platforms} />
        {canEdit && locked && (
          <p className="panel muted">Editing opens again once the version being made is ready.</p>
        )}
        {canEdit && shown.id !== current.id && (
          <p className="panel muted">
            You are watching version {shown.number}. Edits below start from the current version, version{' '}
            {current.number}.
          </p>
        )}
        {/* Keyed by version: a new current version resets each editor to its texts. */}
        {script && <ScriptEditor key={`script-${current.id}`} script={script} {...editorProps} />}
        {captions && (
          <CaptionsEditor
            key={`captions-${current.id}`}
            cues={captions}
            onScreen={playback.position}
            onPlayFrom={followsPlayer ? playback.playFrom : null}
            {...editorProps}
          />
        )}
        <MetadataEditor
          key={`metadata-${current.id}`}
          metadata={metadata}
          disclosureRequired={item.source === 'generated'}
          {...editorProps}
        />
        <StageLog log={shown.stageLog} />
      </div>
    </div>
  );
}

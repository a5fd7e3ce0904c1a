import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { MediaAssetView } from '../../../api/library.js';
import { BUILTIN_MUSIC_CATALOG, type BuiltinTrackView } from '../../../api/music.js';
import { formatDuration } from '../item/formatMedia.js';
import { SelectField } from './FormControls.js';
import { builtinTracksQuery, libraryAudioQuery } from './musicApi.js';
import { builtinTrack, musicLabel } from './musicLabels.js';

interface MusicChoices {
  builtin: BuiltinTrackView[];
  /** The workspace's audio files, newest first. */
  library: MediaAssetView[];
}

interface MusicFieldProps {
  value: string;
  onChange: (choice: string) => void;
}

/** What the chosen music sounds like: a built-in track's preview or the library file itself. */
function previewOf(choice: string, choices: MusicChoices | null): string | null {
  if (!choices) return null;
  const track = choices.builtin.find((t) => t.choice === choice);
  if (track) return track.previewUrl;
  return choices.library.find((asset) => choice === `library:${asset.id}`)?.url ?? null;
}

/** Background music for the video: none, a built-in track, or an audio file of the media library. */
export function MusicField({ value, onChange }: MusicFieldProps) {
  const builtin = useQuery(builtinTracksQuery);
  const audio = useQuery(libraryAudioQuery);
  const choices = builtin.data && audio.data ? { builtin: builtin.data, library: audio.data } : null;
  const library = choices?.library ?? [];
  const preview = previewOf(value, choices);
  const description = builtinTrack(value)?.description;

  return (
    <div className="music-field">
      <SelectField
        label="Background music"
        name="music"
        value={value}
        hint="It plays quietly under the voice and dips further whenever the voice speaks."
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="none">No music</option>
        <optgroup label="Built-in tracks">
          {Object.entries(BUILTIN_MUSIC_CATALOG).map(([id, track]) => (
            <option key={id} value={`builtin:${id}`}>
              {track.name} (built-in)
            </option>
          ))}
        </optgroup>
        {library.length > 0 && (
          <optgroup label="Your media library">
            {library.map((asset) => (
              <option key={asset.id} value={`library:${asset.id}`}>
                {asset.filename}
                {asset.durationMs ? ` (${formatDuration(asset.durationMs)})` : ''}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      {description && <p className="music-description">{description}</p>}
      {preview && (
        <audio
          key={preview}
          className="music-preview"
          controls
          preload="none"
          src={preview}
          aria-label={`Listen to ${musicLabel(value, library)}`}
        />
      )}
      {(builtin.isError || audio.isError) && (
        <p className="music-description">
          Previews and your own audio files could not be loaded; the built-in tracks still work.
        </p>
      )}
      {choices && library.length === 0 && (
        <p className="music-description">
          To use your own music, add MP3, M4A, WAV, OGG or FLAC files in the{' '}
          <Link to="/library/media">media library</Link>.
        </p>
      )}
    </div>
  );
}

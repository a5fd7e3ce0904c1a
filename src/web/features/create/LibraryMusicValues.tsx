import { useQuery } from '../../hooks/useQuery.js';
import { libraryAudio } from './musicApi.js';

/** The music column's value for each audio file of the media library, to copy into a CSV. */
export function LibraryMusicValues() {
  const audio = useQuery(libraryAudio);
  if (audio.status !== 'ready' || audio.data.length === 0) return null;
  return (
    <div className="library-music-values">
      <p>Your audio files, as the music column names them:</p>
      <ul>
        {audio.data.map((asset) => (
          <li key={asset.id}>
            <code>library:{asset.id}</code> {asset.filename}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { libraryAudioQuery } from './musicApi.js';

/** The music column's value for each audio file of the media library, to copy into a CSV. */
export function LibraryMusicValues() {
  const audio = useQuery(libraryAudioQuery);
  if (!audio.data || audio.data.length === 0) return null;
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

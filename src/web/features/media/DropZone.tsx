import { useId, useRef, useState, type DragEvent } from 'react';
import { Icon } from '../../components/Icon.js';
import { ACCEPTED_FILES } from './mediaApi.js';

interface DropZoneProps {
  /** What may be uploaded and how large, said before anyone picks a file. */
  hint: string;
  onFiles: (files: File[]) => void;
}

/** Files dropped on the zone or picked with its button (the keyboard way in); both lead to `onFiles`. */
export function DropZone({ hint, onFiles }: DropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  function over(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(true);
  }

  function leave(event: DragEvent<HTMLDivElement>) {
    // Moving onto a child fires dragleave on the zone too; only leaving the zone itself counts.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <div
      className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
    >
      <span className="drop-zone-mark">
        <Icon name="plus" />
      </span>
      <p className="drop-zone-text">Drag pictures, clips or audio files here, or</p>
      <button
        type="button"
        className="button button-primary"
        aria-describedby={hintId}
        onClick={() => inputRef.current?.click()}
      >
        Choose files
      </button>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Picking the same file again (after a failed upload) must fire change again.
          event.target.value = '';
        }}
      />
    </div>
  );
}

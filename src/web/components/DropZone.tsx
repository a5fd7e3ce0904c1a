import { useRef, useState, type DragEvent } from 'react';
import { Icon } from './Icon.js';
import { useFieldNotes } from './useFieldNotes.js';

interface DropZoneProps {
  /** What to drag here, e.g. "Drag pictures here, or" (the button follows). */
  prompt: string;
  buttonLabel: string;
  /** The file picker's filter; dropped files are not filtered, the server still judges them. */
  accept: string;
  multiple: boolean;
  /** What may be uploaded and how large, said before anyone picks a file. */
  hint: string;
  /** Names the button, so a form can move focus to it when the file is missing or refused. */
  name?: string;
  error?: string | undefined;
  onFiles: (files: File[]) => void;
}

/** Files dropped on the zone or picked with its button (the keyboard way in); both lead to `onFiles`. */
export function DropZone(props: DropZoneProps) {
  const { prompt, buttonLabel, accept, multiple, hint, name, error, onFiles } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { describedBy, notes } = useFieldNotes(hint, error);

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
      <p className="drop-zone-text">{prompt}</p>
      <button
        type="button"
        className="button button-primary"
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onClick={() => inputRef.current?.click()}
      >
        {buttonLabel}
      </button>
      {notes}
      <input
        ref={inputRef}
        type="file"
        multiple={multiple}
        accept={accept}
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

import { useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'blocked';

const copyMessages: Record<CopyState, string> = {
  idle: '',
  copied: 'Link copied to the clipboard.',
  blocked: 'The browser blocked copying. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
};

/** A read-only value with a copy button; falls back to selecting the text when the clipboard is refused. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      inputRef.current?.select();
      setCopyState('blocked');
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input
          id={id}
          ref={inputRef}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copyState === 'copied' ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copyMessages[copyState]}
      </p>
    </div>
  );
}

import { Field } from '../../components/Field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { MAX_PALETTE_COLOURS, paletteGradient } from './briefOptions.js';

interface PaletteEditorProps {
  palette: string[];
  errors: FieldErrors;
  onChange: (palette: string[]) => void;
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Each colour as a hex code to type and a picker to choose with, plus a preview of the blend. */
export function PaletteEditor({ palette, errors, onChange }: PaletteEditorProps) {
  const setColour = (index: number, colour: string) =>
    onChange(palette.map((value, i) => (i === index ? colour : value)));
  const validColours = palette.filter((colour) => HEX_COLOUR.test(colour));

  return (
    <div className="palette-editor">
      <p className="field-hint">
        Captions are white: darker colours keep them easy to read. Up to {MAX_PALETTE_COLOURS} colours.
      </p>
      <ol className="palette-list">
        {palette.map((colour, index) => (
          <li key={index} className="palette-colour">
            <input
              type="color"
              className="colour-picker"
              aria-label={`Pick colour ${index + 1}`}
              value={HEX_COLOUR.test(colour) ? colour.toLowerCase() : '#000000'}
              onChange={(event) => setColour(index, event.target.value.toUpperCase())}
            />
            <Field
              label={`Colour ${index + 1}`}
              name={`colour-${index}`}
              value={colour}
              spellCheck={false}
              autoComplete="off"
              error={errors[`colour-${index}`]}
              onChange={(event) => setColour(index, event.target.value.trim())}
            />
            {palette.length > 1 && (
              <button
                type="button"
                className="button button-quiet-danger"
                onClick={() => onChange(palette.filter((_, i) => i !== index))}
              >
                Remove<span className="visually-hidden"> colour {index + 1}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="palette-actions">
        {palette.length < MAX_PALETTE_COLOURS && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange([...palette, '#1E293B'])}
          >
            Add a colour
          </button>
        )}
        <span
          className="palette-preview"
          style={{ background: paletteGradient(validColours) }}
          role="img"
          aria-label={`Preview of the colours: ${validColours.join(', ') || 'none yet'}`}
        />
      </div>
    </div>
  );
}

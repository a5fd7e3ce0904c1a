import type { CSSProperties } from 'react';
import type { FieldErrors } from '../../lib/validation.js';
import { paletteGradient, stylePresets, type StylePresetId } from './briefOptions.js';
import { PaletteEditor } from './PaletteEditor.js';

interface StylePickerProps {
  preset: StylePresetId;
  customPalette: boolean;
  palette: string[];
  errors: FieldErrors;
  onPresetChange: (preset: StylePresetId, palette: string[]) => void;
  onCustomPaletteChange: (custom: boolean) => void;
  onPaletteChange: (palette: string[]) => void;
}

const swatch = (palette: string[]): CSSProperties => ({ background: paletteGradient(palette) });

/** The presets as radio cards, each showing its colours; custom colours replace the preset's. */
export function StylePicker(props: StylePickerProps) {
  const { preset, customPalette, palette, errors } = props;
  return (
    <fieldset className="fieldset">
      <legend>Style</legend>
      <div className="preset-grid">
        {stylePresets.map((option) => (
          <label key={option.id} className="preset-option">
            <input
              type="radio"
              name="stylePreset"
              className="preset-radio"
              value={option.id}
              checked={preset === option.id}
              onChange={() => props.onPresetChange(option.id, option.palette)}
            />
            <span className="preset-swatch" style={swatch(option.palette)} aria-hidden="true" />
            <span className="preset-name">{option.name}</span>
            <span className="preset-description">{option.description}</span>
          </label>
        ))}
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={customPalette}
          onChange={(event) => props.onCustomPaletteChange(event.target.checked)}
        />
        <span className="choice-text">
          <span className="choice-label">Use my own colours</span>
          <span className="choice-description">Replace the style&apos;s background colours with yours.</span>
        </span>
      </label>
      {customPalette && <PaletteEditor palette={palette} errors={errors} onChange={props.onPaletteChange} />}
    </fieldset>
  );
}

import { brandedContentControl, commercialLabel, type TiktokDraft } from './tiktokComposerRules.js';

interface Props {
  draft: TiktokDraft;
  onChange: (part: Partial<TiktokDraft>) => void;
}

/** TikTok's commercial-content disclosure: off by default; when on, "Your brand" and/or "Branded content". */
export function TiktokCommercialFields({ draft, onChange }: Props) {
  const branded = brandedContentControl(draft);
  const label = commercialLabel(draft);
  return (
    <fieldset className="fieldset">
      <legend>Commercial content</legend>
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={draft.commercial}
          onChange={(event) => onChange({ commercial: event.target.checked })}
        />
        <span className="choice-text">
          <span className="choice-label">Disclose commercial content</span>
          <span className="choice-description">
            Turn on if this video promotes yourself, a brand, a product or a service.
          </span>
        </span>
      </label>
      {draft.commercial && (
        <div className="choice-list composer-nested">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.brandOrganic}
              onChange={(event) => onChange({ brandOrganic: event.target.checked })}
            />
            <span className="choice-text">
              <span className="choice-label">Your brand</span>
              <span className="choice-description">
                You are promoting yourself or your own business. The video will be labelled “Promotional
                content”.
              </span>
            </span>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.brandedContent && branded.enabled}
              disabled={!branded.enabled}
              onChange={(event) => onChange({ brandedContent: event.target.checked })}
            />
            <span className="choice-text">
              <span className="choice-label">Branded content</span>
              <span className="choice-description">
                You are promoting another brand or a third party. The video will be labelled “Paid
                partnership”.
              </span>
              {branded.why && <span className="choice-why">{branded.why}</span>}
            </span>
          </label>
          {!draft.brandOrganic && !draft.brandedContent && (
            <p className="field-hint">Choose at least one: “Your brand”, “Branded content” or both.</p>
          )}
          {label && <p className="field-hint">{label}</p>}
        </div>
      )}
    </fieldset>
  );
}

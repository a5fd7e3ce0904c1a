import type { PersonaId } from './settings.js';

export interface ConsentScope {
  id: string;
  label: string;
  /** The real platform lets the user untick this scope on its consent screen. */
  optional: boolean;
}

export interface ConsentPageInput {
  platformName: string;
  appName: string;
  scopes: ConsentScope[];
  personas: { id: PersonaId; label: string }[];
  /** Where the form posts (the authorize path itself, method POST). */
  action: string;
  /** The original authorize parameters, carried through the form unchanged. */
  carry: Record<string, string>;
}

const PERSONA_HELP: Record<PersonaId, string> = {
  public: 'A public account of an audited app',
  private: 'A private account',
  unaudited: 'The app is not audited yet: TikTok allows only private (SELF_ONLY) posts',
  'ig-personal': 'An Instagram personal account: it cannot publish',
  'no-channel': 'A Google account without a YouTube channel',
  deny: 'The user refuses the request',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The consent screen a person sees in the browser: a persona picker and per-scope checkboxes. */
export function renderConsentPage(input: ConsentPageInput): string {
  const hidden = Object.entries(input.carry)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  const personas = input.personas
    .map(
      (p, i) =>
        `<label class="row"><input type="radio" name="persona" value="${p.id}"${i === 0 ? ' checked' : ''}>` +
        `<span><strong>${escapeHtml(p.label)}</strong> <code>${p.id}</code><br><small>${escapeHtml(PERSONA_HELP[p.id])}</small></span></label>`,
    )
    .join('\n');
  const scopes = input.scopes
    .map(
      (s) =>
        `<label class="row"><input type="checkbox" name="granted_scope" value="${escapeHtml(s.id)}" checked${s.optional ? '' : ' disabled'}>` +
        `<span>${escapeHtml(s.label)} <code>${escapeHtml(s.id)}</code>${s.optional ? '' : ' <small>(required)</small>'}</span></label>` +
        (s.optional ? '' : `<input type="hidden" name="granted_scope" value="${escapeHtml(s.id)}">`),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.platformName)} sandbox · authorize ${escapeHtml(input.appName)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f4f6;color:#1b1b1f;margin:0;padding:2rem 1rem}
main{max-width:34rem;margin:auto;background:#fff;border-radius:12px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
.badge{display:inline-block;background:#ffe08a;color:#3d2e00;border-radius:6px;padding:.1rem .5rem;font-size:.8rem;font-weight:600}
.row{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0}
fieldset{border:1px solid #ccd;border-radius:8px;margin:1rem 0}
button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:0;background:#2d4de0;color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #2d4de0;outline-offset:2px}
</style></head>
<body><main>
<p class="badge">Local sandbox — not the real ${escapeHtml(input.platformName)}</p>
<h1>${escapeHtml(input.appName)} wants to access your ${escapeHtml(input.platformName)} account</h1>
<form method="post" action="${escapeHtml(input.action)}">
${hidden}
<fieldset><legend>Sign in as</legend>
${personas}
</fieldset>
<fieldset><legend>Permissions</legend>
${scopes}
</fieldset>
<button type="submit">Continue</button>
</form>
</main></body></html>`;
}

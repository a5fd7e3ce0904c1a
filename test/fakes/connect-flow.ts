import type { Client, TestApp } from './test-app.js';

export interface ConnectOutcome {
  status: string | null;
  message: string | null;
  /** The callback URL the platform redirected to (to replay it). */
  callbackPath: string;
}

function formOf(html: string): { action: string; fields: [string, string][]; checkboxes: string[] } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const decode = (v: string) =>
    v.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
  const fields: [string, string][] = [];
  const checkboxes: string[] = [];
  for (const input of html.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    const value = decode(/value="([^"]*)"/.exec(input)?.[1] ?? '');
    if (!name) continue;
    if (/type="hidden"/.test(input)) fields.push([decode(name), value]);
    else if (/type="checkbox"/.test(input) && !/disabled/.test(input)) checkboxes.push(value);
  }
  return { action: decode(action), fields, checkboxes };
}

/**
 * Connects like a person in a browser: asks the API for the consent URL, fills the sandbox consent page
 * (persona, scopes left ticked), follows the redirect back to the app's callback with the session cookie.
 */
export async function connectThroughConsent(
  t: TestApp,
  client: Client,
  platform: 'tiktok' | 'instagram' | 'youtube',
  options: { persona?: string; untick?: string[]; reconnectId?: string } = {},
): Promise<ConnectOutcome> {
  const authorize = await client.post(
    `/api/connections/${platform}/authorize`,
    options.reconnectId ? { reconnectId: options.reconnectId } : {},
  );
  if (authorize.statusCode !== 200)
    throw new Error(`authorize failed: ${authorize.statusCode} ${authorize.body}`);
  let url = authorize.json<{ url: string }>().url;
  // The app may send the person through consent a second time (e.g. to obtain a refresh token).
  for (let round = 0; round < 2; round++) {
    const callback = new URL(await consent(url, options));
    const callbackPath = `${callback.pathname}${callback.search}`;
    const landed = await client.get(callbackPath);
    const back = new URL(String(landed.headers.location), t.origin);
    if (back.origin === t.origin && back.pathname === '/connections') {
      return {
        status: back.searchParams.get('status'),
        message: back.searchParams.get('message'),
        callbackPath,
      };
    }
    url = back.toString();
  }
  throw new Error('the app kept asking for consent');
}

/** Fills the consent page (or follows an automatic redirect) and returns the callback URL it leads to. */
async function consent(url: string, options: { persona?: string; untick?: string[] }): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  const location = page.headers.get('location');
  if (location) return location;
  const form = formOf(await page.text());
  const body = new URLSearchParams(form.fields);
  body.set('persona', options.persona ?? 'public');
  for (const scope of form.checkboxes)
    if (!options.untick?.includes(scope)) body.append('granted_scope', scope);
  const submitted = await fetch(new URL(form.action, url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  const next = submitted.headers.get('location');
  if (!next) throw new Error(`consent did not redirect: ${submitted.status} ${await submitted.text()}`);
  return next;
}

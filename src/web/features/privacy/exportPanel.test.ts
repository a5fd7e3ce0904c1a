import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../api/auth.js';
import { SessionContext, type SessionValue } from '../../session/sessionContext.js';
import { ExportPanel } from './ExportPanel.js';
import { EXPORT_POLL_MS, exportStatusQuery, latestExportQuery, type DataExportView } from './privacyApi.js';
import { PrivacyCenterPage } from './PrivacyCenterPage.js';

const view = (over: Partial<DataExportView> = {}): DataExportView => ({
  id: 'e1',
  status: 'queued',
  progress: 0,
  downloadUrl: null,
  expiresAt: null,
  error: null,
  createdAt: '2031-01-01T10:00:00.000Z',
  ...over,
});

const workspace = { id: 'w1', name: 'Studio', role: 'owner' as const };
const me: MeResponse = {
  user: { id: 'u1', email: 'owner@example.com', name: 'Owner' },
  workspaces: [workspace],
  currentWorkspace: workspace,
  role: 'owner',
};
const session: SessionValue = {
  session: { status: 'signedIn', me },
  refresh: () => Promise.resolve(),
  setMe: () => undefined,
  signOut: () => Promise.resolve(),
};

/** The panel as the browser first shows it, its queries already answered. */
function render(latest: DataExportView | null, page = false): string {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(latestExportQuery.queryKey, { export: latest });
  if (latest) client.setQueryData(exportStatusQuery(latest.id).queryKey, latest);
  return renderToStaticMarkup(
    createElement(
      SessionContext.Provider,
      { value: session },
      createElement(QueryClientProvider, { client }, createElement(page ? PrivacyCenterPage : ExportPanel)),
    ),
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('Export panel', () => {
  it('offers "Download my data" under its heading when there is no copy yet, and says what is inside', () => {
    const html = render(null);
    expect(html).toMatch(/<h2[^>]*>Download my data<\/h2>/);
    expect(html).toMatch(/<button[^>]*>Download my data<\/button>/);
    expect(text(html)).toContain('README explaining every file and field');
    expect(text(html)).toContain('7 days');
    expect(html).not.toContain('role="progressbar"');
  });

  it('shows a progress bar named "Preparing your data" while the copy is queued or running', () => {
    for (const status of ['queued', 'running'] as const) {
      const html = render(view({ status, progress: 0.4 }));
      expect(html).toMatch(/role="progressbar" aria-label="Preparing your data"[^>]*aria-valuenow="40"/);
      expect(html).not.toMatch(/<button[^>]*>Download my data<\/button>/);
      expect(html).not.toContain('Download ZIP');
    }
  });

  it('links the ZIP with its signed address and shows until when the link works', () => {
    const url = '/api/privacy/exports/e1/download?exp=1&sig=abc';
    const html = render(
      view({ status: 'ready', progress: 1, downloadUrl: url, expiresAt: '2031-01-08T10:00:00.000Z' }),
    );
    expect(html).toMatch(
      /<a[^>]*href="\/api\/privacy\/exports\/e1\/download\?exp=1&amp;sig=abc"[^>]*>Download ZIP<\/a>/,
    );
    expect(text(html)).toMatch(/The link works until .*2031/);
    expect(html).not.toContain('role="progressbar"');
  });

  it('gives the reason of a failure and a "Try again" button', () => {
    const html = render(view({ status: 'failed', error: 'The copy could not be made. Try again later.' }));
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('The copy could not be made. Try again later.');
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });

  it('offers a new copy once the old link expired', () => {
    const html = render(view({ status: 'expired', progress: 1, expiresAt: '2031-01-08T10:00:00.000Z' }));
    expect(html).toMatch(/<button[^>]*>Download my data<\/button>/);
    expect(html).not.toContain('Download ZIP');
  });

  it('polls while queued or running, and stops once finished', () => {
    const interval = exportStatusQuery('e1').refetchInterval as (q: {
      state: { data?: DataExportView };
    }) => unknown;
    expect(interval({ state: { data: view({ status: 'running' }) } })).toBe(EXPORT_POLL_MS);
    expect(interval({ state: { data: view({ status: 'queued' }) } })).toBe(EXPORT_POLL_MS);
    expect(interval({ state: { data: view({ status: 'ready' }) } })).toBe(false);
    expect(interval({ state: { data: view({ status: 'failed' }) } })).toBe(false);
  });

  it('sits on the privacy center right after the rights panel', () => {
    const html = render(null, true);
    const rights = html.indexOf('Your rights, and where to use them');
    const exportAt = html.indexOf('>Download my data</h2>');
    expect(rights).toBeGreaterThan(-1);
    expect(exportAt).toBeGreaterThan(rights);
  });
});

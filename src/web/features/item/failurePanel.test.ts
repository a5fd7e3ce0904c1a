import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FailurePanel } from './FailurePanel.js';

function render(
  failure: { stage: string; reason: string; mediaExpired?: boolean },
  canRetry: boolean,
): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(FailurePanel, { failure, canRetry, onRetry: () => Promise.resolve() }),
    ),
  );
}

describe('FailurePanel', () => {
  it('names the stage that stopped, the reason, and offers Retry to those who may', () => {
    const html = render({ stage: 'render', reason: 'ffmpeg exited 1' }, true);
    expect(html).toContain('Stopped at the');
    expect(html).toContain('ffmpeg exited 1');
    expect(html).toContain('the stages that already finished are not run again');
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it('says who can retry instead of a button for the others', () => {
    const html = render({ stage: 'render', reason: 'ffmpeg exited 1' }, false);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('not run again');
    expect(html).toContain('An owner or editor can retry it.');
  });

  it('shows expired media as such, with "Make it again", not as a failed stage', () => {
    const reason = 'Deleted after 90 days unchanged and never published (workspace retention).';
    const html = render({ stage: 'render', reason, mediaExpired: true }, true);
    expect(html).toMatch(/<h2[^>]*>Media expired<\/h2>/);
    expect(html).toContain(reason);
    expect(html).not.toContain('Stopped at the');
    expect(html).toMatch(/<button[^>]*>Make it again<\/button>/);
    expect(render({ stage: 'render', reason, mediaExpired: true }, false)).toContain(
      'An owner or editor can make it again.',
    );
  });
});

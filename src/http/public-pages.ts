import type { Block, Inline, PublicDocument } from '../domain/privacy/policy-document.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inline, self-contained styles: the pages load nothing else (the CSP allows inline styles, no outside asset).
const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:2rem 1rem;color:#1b1b1f}
header,footer{display:flex;gap:1rem;flex-wrap:wrap;font-size:.95rem}footer{margin-top:3rem;border-top:1px solid #ddd;padding-top:1rem}
a{color:#1d4ed8}code{background:#f3f3f5;padding:0 .25rem;border-radius:3px;word-break:break-all}h2{margin-top:2rem}`;

/**
 * The one HTML shell of the server-rendered pages (policy, terms, deletion status), so they look alike and all link
 * to each other and back to the app. `body` must already be HTML-safe.
 */
export function publicPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · AI Factory</title><style>${STYLE}</style></head>
<body><header><a href="/">AI Factory</a><a href="/privacy">Privacy policy</a><a href="/terms">Terms</a></header>
<main>${body}</main>
<footer><a href="/">Back to the app</a><a href="/privacy">Privacy policy</a><a href="/terms">Terms</a></footer></body></html>`;
}

function inline(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
      return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`;
    })
    .join('');
}

function block(b: Block): string {
  if (b.kind === 'paragraph') return `<p>${inline(b.text)}</p>`;
  const mark = b.mark ? ` data-${b.mark.name}="${escapeHtml(b.mark.value)}"` : '';
  const items = b.items
    .map((i) => `<li${i.id === undefined ? '' : ` data-id="${escapeHtml(i.id)}"`}>${inline(i.text)}</li>`)
    .join('');
  return `<ul${mark}>${items}</ul>`;
}

/** A whole document (policy or terms) as a page. */
export function renderDocument(doc: PublicDocument): string {
  const toc = doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('');
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join('')}</section>`,
    )
    .join('\n');
  return publicPage(
    doc.title,
    `<h1>${escapeHtml(doc.title)}</h1><p>${inline(doc.lede)}</p><nav aria-label="Contents"><ul>${toc}</ul></nav>\n${sections}`,
  );
}

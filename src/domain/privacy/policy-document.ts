/** A small document model for the public pages: pure builders make it, the HTTP layer renders it as HTML. */

/** A run of text, or a link. */
export type Inline = string | { text: string; href: string } | { code: string };

/** A block of a section. `mark` tags a list so tests (and people) can find it, e.g. `data-scopes="tiktok"`. */
export type Block =
  | { kind: 'paragraph'; text: Inline[] }
  | {
      kind: 'list';
      items: { text: Inline[]; id?: string }[];
      mark?: { name: string; value: string };
    };

export interface Section {
  /** Anchor id, stable so other pages can link to it. */
  id: string;
  heading: string;
  blocks: Block[];
}

export interface PublicDocument {
  title: string;
  /** One line under the title (who and when). */
  lede: Inline[];
  sections: Section[];
}

/** A paragraph from text and links. */
export const p = (...text: Inline[]): Block => ({ kind: 'paragraph', text });

/** A plain list. */
export const list = (...items: Inline[][]): Block => ({
  kind: 'list',
  items: items.map((text) => ({ text })),
});

// A story's body: a small document of paragraphs, headings, quotes and images (the shape of a
// ProseMirror/TipTap document, so a richer editor can write it later). Whatever a client sends is
// rebuilt here from an allow-list — unknown nodes, marks and attributes are dropped, and an image
// stays only when it names one of the story's own files — so the server never keeps or serves
// markup from users, and the web app draws the document with React, never as HTML.

export const STORY_BODY_LIMITS = { blocks: 200, textChars: 20_000, altChars: 200 } as const;

export type StoryMark = { type: 'bold' } | { type: 'italic' };
export type StoryInline = { type: 'text'; text: string; marks?: StoryMark[] } | { type: 'hardBreak' };
export interface StoryParagraph {
  type: 'paragraph';
  content: StoryInline[];
}
export interface StoryHeading {
  type: 'heading';
  attrs: { level: 2 | 3 };
  content: StoryInline[];
}
export interface StoryQuote {
  type: 'blockquote';
  content: StoryParagraph[];
}
export interface StoryImage {
  type: 'image';
  attrs: { fileId: string; alt: string };
}
export type StoryBlock = StoryParagraph | StoryHeading | StoryQuote | StoryImage;
export interface StoryDoc {
  type: 'doc';
  content: StoryBlock[];
}

export const emptyStoryDoc = (): StoryDoc => ({ type: 'doc', content: [] });

const FILE_ID = /^[A-Za-z0-9-]{1,64}$/;
const FILE_SRC = /^\/api\/v1\/files\/([A-Za-z0-9-]{1,64})(?:\/thumbnail)?$/;
// Control characters but tab and newline: nothing a story needs, and some confuse renderers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What the sanitiser kept, which files it uses, and how many nodes it dropped. */
export interface SanitisedBody {
  doc: StoryDoc;
  fileIds: string[];
  dropped: number;
}

/**
 * Rebuilds `input` from the allow-list. `ownFile(id)` says whether an image's file is one of the
 * story's; an image given by URL counts only as our own files route (`/api/v1/files/<id>`).
 */
export function sanitiseStoryBody(input: unknown, ownFile: (id: string) => boolean): SanitisedBody {
  let dropped = 0;
  let chars = 0;
  const fileIds: string[] = [];
  const cleanText = (t: unknown): string => {
    if (typeof t !== 'string') return '';
    const s = t.replace(CONTROL, '').slice(0, Math.max(0, STORY_BODY_LIMITS.textChars - chars));
    chars += s.length;
    return s;
  };
  const inlines = (v: unknown): StoryInline[] => {
    const out: StoryInline[] = [];
    for (const n of list(v)) {
      if (isObj(n) && n.type === 'text') {
        const text = cleanText(n.text);
        if (!text) continue;
        const marks = list(n.marks).flatMap((m): StoryMark[] =>
          isObj(m) && (m.type === 'bold' || m.type === 'italic') ? [{ type: m.type }] : [],
        );
        out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
      } else if (isObj(n) && n.type === 'hardBreak') out.push({ type: 'hardBreak' });
      else dropped += 1;
    }
    return out;
  };
  const paragraph = (n: Record<string, unknown>): StoryParagraph => ({
    type: 'paragraph',
    content: inlines(n.content),
  });
  const block = (n: unknown): StoryBlock | null => {
    if (!isObj(n)) return null;
    const attrs = isObj(n.attrs) ? n.attrs : {};
    switch (n.type) {
      case 'paragraph':
        return paragraph(n);
      case 'heading':
        return { type: 'heading', attrs: { level: attrs.level === 3 ? 3 : 2 }, content: inlines(n.content) };
      case 'blockquote': {
        const content = list(n.content).flatMap((p) =>
          isObj(p) && p.type === 'paragraph' ? [paragraph(p)] : ((dropped += 1), []),
        );
        return { type: 'blockquote', content };
      }
      case 'image': {
        const fromSrc = typeof attrs.src === 'string' ? FILE_SRC.exec(attrs.src)?.[1] : undefined;
        const fileId = typeof attrs.fileId === 'string' ? attrs.fileId : fromSrc;
        if (!fileId || !FILE_ID.test(fileId) || !ownFile(fileId)) return null;
        if (!fileIds.includes(fileId)) fileIds.push(fileId);
        const alt =
          typeof attrs.alt === 'string' ? attrs.alt.replace(CONTROL, '').slice(0, STORY_BODY_LIMITS.altChars) : '';
        return { type: 'image', attrs: { fileId, alt } };
      }
      default:
        return null;
    }
  };
  const content: StoryBlock[] = [];
  for (const n of list(isObj(input) && input.type === 'doc' ? input.content : []).slice(0, STORY_BODY_LIMITS.blocks)) {
    const b = block(n);
    if (b) content.push(b);
    else dropped += 1;
  }
  return { doc: { type: 'doc', content }, fileIds, dropped };
}

/** The document's words, for a check that it says something and for a plain-text excerpt. */
export function storyPlainText(doc: StoryDoc): string {
  const words = (c: StoryInline[]) => c.map((i) => (i.type === 'text' ? i.text : '\n')).join('');
  return doc.content
    .map((b) =>
      b.type === 'image'
        ? ''
        : b.type === 'blockquote'
          ? b.content.map((p) => words(p.content)).join('\n')
          : words(b.content),
    )
    .filter(Boolean)
    .join('\n');
}

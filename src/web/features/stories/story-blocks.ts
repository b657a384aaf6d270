// The console's editor works on plain blocks (a paragraph, a heading, a quote, an image); they are
// turned into the story document the server keeps, and back. Line breaks inside a block are kept.
import type { StoryBlock, StoryDoc, StoryInline } from '../../../common/story-body.js';

export type EditorBlock =
  { kind: 'paragraph' | 'heading' | 'quote'; text: string } | { kind: 'image'; fileId: string; alt: string };

const textOf = (items: StoryInline[]) => items.map((i) => (i.type === 'text' ? i.text : '\n')).join('');

const inlinesOf = (text: string): StoryInline[] =>
  text
    .split('\n')
    .flatMap((line, n): StoryInline[] => [
      ...(n > 0 ? [{ type: 'hardBreak' as const }] : []),
      ...(line ? [{ type: 'text' as const, text: line }] : []),
    ]);

export function blocksOf(doc: StoryDoc): EditorBlock[] {
  return doc.content.map((b): EditorBlock => {
    switch (b.type) {
      case 'heading':
        return { kind: 'heading', text: textOf(b.content) };
      case 'blockquote':
        return { kind: 'quote', text: b.content.map((p) => textOf(p.content)).join('\n') };
      case 'image':
        return { kind: 'image', fileId: b.attrs.fileId, alt: b.attrs.alt };
      default:
        return { kind: 'paragraph', text: textOf(b.content) };
    }
  });
}

export function docOf(blocks: EditorBlock[]): StoryDoc {
  const content = blocks.flatMap((b): StoryBlock[] => {
    if (b.kind === 'image') return [{ type: 'image', attrs: { fileId: b.fileId, alt: b.alt.trim() } }];
    if (!b.text.trim()) return [];
    if (b.kind === 'heading') return [{ type: 'heading', attrs: { level: 2 }, content: inlinesOf(b.text) }];
    if (b.kind === 'quote')
      return [{ type: 'blockquote', content: [{ type: 'paragraph', content: inlinesOf(b.text) }] }];
    return [{ type: 'paragraph', content: inlinesOf(b.text) }];
  });
  return { type: 'doc', content };
}

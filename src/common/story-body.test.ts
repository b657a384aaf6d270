import { describe, expect, it } from 'vitest';
import { sanitiseStoryBody, storyPlainText } from './story-body.js';

const OWN = 'a1b2c3d4-0000-4000-8000-000000000001';
const own = (id: string) => id === OWN;

describe('sanitiseStoryBody', () => {
  it('keeps the allow-listed nodes and marks, and drops everything else', () => {
    const out = sanitiseStoryBody(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { style: 'x' },
            content: [{ type: 'text', text: 'a', marks: [{ type: 'italic' }, { type: 'code' }] }],
          },
          {
            type: 'heading',
            attrs: { level: 1 },
            content: [{ type: 'text', text: 'h' }, { type: 'hardBreak' }, { type: 'mention' }],
          },
          { type: 'blockquote', content: [{ type: 'paragraph', content: [] }, { type: 'heading' }] },
          { type: 'codeBlock', content: [{ type: 'text', text: '<script>' }] },
          'text',
          null,
        ],
      },
      own,
    );
    expect(out.doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'italic' }] }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }, { type: 'hardBreak' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [] }] },
    ]);
    expect(out.dropped).toBe(5);
  });

  it('keeps an image only when it is one of the story’s own files, by id or by our URL', () => {
    const img = (attrs: Record<string, unknown>) => ({ type: 'image', attrs });
    const out = sanitiseStoryBody(
      {
        type: 'doc',
        content: [
          img({ src: 'https://evil.example/a.png' }),
          img({ src: 'javascript:alert(1)' }),
          img({ fileId: 'someone-elses' }),
          img({ fileId: '../../etc/passwd' }),
          img({ src: `/api/v1/files/${OWN}/thumbnail`, alt: 'a\u202eb', onerror: 'x()' }),
        ],
      },
      own,
    );
    expect(out.doc.content).toEqual([{ type: 'image', attrs: { fileId: OWN, alt: 'ab' } }]);
    expect(out.fileIds).toEqual([OWN]);
  });

  it('answers an empty document for anything that is not one', () => {
    for (const input of [undefined, '<p>x</p>', { type: 'html', content: [] }, []]) {
      expect(sanitiseStoryBody(input, own).doc).toEqual({ type: 'doc', content: [] });
    }
  });

  it('reads the words of a document', () => {
    const doc = sanitiseStoryBody(
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '清理' }] },
          { type: 'image', attrs: { fileId: OWN } },
        ],
      },
      own,
    ).doc;
    expect(storyPlainText(doc)).toBe('清理');
  });
});

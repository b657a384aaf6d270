import type { ReactNode } from 'react';
import type { Story } from '../../../common/contract/stories.js';
import type { StoryDoc, StoryInline } from '../../../common/story-body.js';

/** The body as the server sends it is the sanitised document (common/story-body.ts). */
export const asDoc = (body: Story['body']): StoryDoc => body as unknown as StoryDoc;

/** Where a story's photo is served (public once the story is published). */
export const storyPhotoUrl = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`;

function Inlines({ items }: { items: StoryInline[] }) {
  return (
    <>
      {items.map((i, n) => {
        if (i.type === 'hardBreak') return <br key={n} />;
        let node: ReactNode = i.text;
        for (const m of i.marks ?? []) node = m.type === 'bold' ? <strong>{node}</strong> : <em>{node}</em>;
        return <span key={n}>{node}</span>;
      })}
    </>
  );
}

/**
 * A story's body drawn with React from the sanitised document: text is always text, never
 * markup, and images are the story's own files only.
 */
export function StoryBody({ doc }: { doc: StoryDoc }) {
  return (
    <div className="story-body">
      {doc.content.map((b, n) => {
        switch (b.type) {
          case 'heading':
            return b.attrs.level === 3 ? (
              <h3 key={n}>
                <Inlines items={b.content} />
              </h3>
            ) : (
              <h2 key={n}>
                <Inlines items={b.content} />
              </h2>
            );
          case 'blockquote':
            return (
              <blockquote key={n}>
                {b.content.map((p, k) => (
                  <p key={k}>
                    <Inlines items={p.content} />
                  </p>
                ))}
              </blockquote>
            );
          case 'image':
            return (
              <figure key={n}>
                <img src={storyPhotoUrl(b.attrs.fileId)} alt={b.attrs.alt} loading="lazy" />
                {b.attrs.alt && <figcaption>{b.attrs.alt}</figcaption>}
              </figure>
            );
          default:
            return (
              <p key={n}>
                <Inlines items={b.content} />
              </p>
            );
        }
      })}
    </div>
  );
}

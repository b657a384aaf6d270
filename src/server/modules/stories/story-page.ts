// The shared link of a story: /stories/:id asked as HTML gets the web app's index.html with Open
// Graph tags of the story, so a chat app or a search engine shows its title, summary and cover.
// Only an approved story has them; any other id gets the page as it is (existence does not leak).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../../context.js';
import { fileUrls } from '../files/index.js';
import * as repo from './stories.repository.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The tags for an approved story (empty for anything else), to put in the page's head. */
export async function storyOpenGraph(app: App, id: string, origin: string): Promise<string> {
  const s = await repo.storyById(app.ctx.database.db, id);
  if (!s || s.status !== 'approved') return '';
  const url = `${origin}/stories/${encodeURIComponent(s.id)}`;
  const tags: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', s.title],
    ['og:description', s.summary],
    ['og:url', url],
    ['og:site_name', '善美志愿'],
  ];
  if (s.cover_file_id) tags.push(['og:image', `${origin}${fileUrls(s.cover_file_id).thumbnailUrl}`]);
  if (s.published_at) tags.push(['article:published_time', s.published_at]);
  const meta = tags.map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c)}" />`);
  meta.push(`<meta name="description" content="${escapeHtml(s.summary)}" />`);
  return meta.join('\n    ');
}

/** Serves /stories/:id from the built web app, with the story's tags in its head. */
export function storyPageRoute(app: App, webRoot: string): void {
  let page: Promise<string> | null = null;
  const origin = (req: { protocol: string; host: string }) =>
    app.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
  app.get('/stories/:id', { schema: { hide: true } }, async (req, reply) => {
    page ??= readFile(join(webRoot, 'index.html'), 'utf8');
    const html = await page.catch((err: unknown) => {
      page = null;
      throw err;
    });
    const id = (req.params as { id: string }).id;
    const tags = id.length <= 64 ? await storyOpenGraph(app, id, origin(req)) : '';
    return (
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        // A function, so a `$&` or `$'` in a title is text, not a replacement pattern.
        .send(tags ? html.replace('</head>', () => `    ${tags}\n  </head>`) : html)
    );
  });
}

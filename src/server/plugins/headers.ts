import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** The origin a tile URL template loads from (https://tiles.example.org/{z}/{x}/{y}.png). */
function tileOrigin(template: string | null): string | null {
  if (!template) return null;
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/**
 * Security headers on every answer (Helmet): a content security policy with no inline script
 * (the web app has none; Ant Design writes its styles at run time, so inline styles are
 * allowed), no framing, nosniff, no referrer, HSTS when the deployment says it is served over
 * HTTPS; and `Cache-Control: no-store` on every API answer that sets no policy of its own,
 * so no shared cache keeps personal data. Helmet's middleware is made once (its Fastify wrapper
 * made it afresh for every request: a visible share of a check-in's cost).
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const tiles = tileOrigin(config.mapTiles);
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Map tiles come from another origin and carry no CORP header of their own.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (req, reply, done) => headers(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * What every answer of the API must look like (../shared/API.md "Errors"): below 500 unless
 * the server is at fault, and every refusal the body `{error: {code, message, details?}}` with
 * a known code whose status is the one answered.
 */
import type { LightMyRequestResponse } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../../src/common/errors.js';
import { bodySchemaOf, type Operation } from './operations.js';

/** What a request sent, by where: the names a refusal may point at besides the declared ones. */
export interface SentInput {
  query: string[];
  body: string[];
}

/**
 * Whether a 400's `details.field` names input the operation takes or the request sent:
 * `query.x`/`querystring.x` a query parameter, `params.x` a path parameter, `body.x` a property
 * of the body. A refusal naming anything else sends the caller looking for a field that is not there.
 */
function namesKnownField(op: Operation, field: string, sent: SentInput): boolean {
  const [where, name] = field.split('.');
  if (!name) return true;
  if (where === 'query' || where === 'querystring')
    return sent.query.includes(name) || (op.parameters ?? []).some((p) => p.in === 'query' && p.name === name);
  if (where === 'params') return (op.parameters ?? []).some((p) => p.in === 'path' && p.name === name);
  if (where === 'body') {
    const props = bodySchemaOf(op)?.properties;
    return !props || name in props || sent.body.includes(name);
  }
  return true;
}

/** Why an answer breaks the contract, or undefined when it keeps it. */
export function wrongAnswer(
  res: LightMyRequestResponse,
  request?: { op: Operation; sent: SentInput },
): string | undefined {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (res.statusCode < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return `a ${res.statusCode} of type "${type}"`;
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `a ${res.statusCode} whose body is not JSON`;
  }
  const keys = body && typeof body === 'object' ? Object.keys(body) : [];
  const error = (body as { error?: unknown }).error as Record<string, unknown> | undefined;
  if (keys.join() !== 'error' || !error || typeof error !== 'object') return `a ${res.statusCode} without {error}`;
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `a ${res.statusCode} whose error has ${extra.join(', ')}`;
  const { code, message, details } = error;
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code))
    return `a ${res.statusCode} with code ${String(code)}`;
  if (typeof message !== 'string' || message.trim() === '') return `a ${res.statusCode} ${code} without a message`;
  if (details !== undefined && (details === null || typeof details !== 'object'))
    return `a ${res.statusCode} ${code} whose details are not an object`;
  const expected = ERROR_STATUS[code as ErrorCode] as number | undefined;
  if (expected === undefined) return `a ${res.statusCode} with the unknown code ${code}`;
  if (expected !== res.statusCode) return `a ${res.statusCode} with ${code}, which is a ${expected}`;
  const field = (details as { field?: unknown } | undefined)?.field;
  if (request && typeof field === 'string' && !namesKnownField(request.op, field, request.sent))
    return `a ${res.statusCode} ${code} naming ${field}, which ${request.op.operationId} neither takes nor was sent`;
  return undefined;
}

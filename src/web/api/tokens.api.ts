import type { NewApiToken, TokenBody, TokenList } from '../../common/contract/tokens.js';
import { api } from './http-client.js';

/** A person's API tokens (admins and organisers): GET, POST /auth/tokens, DELETE /auth/tokens/:id. */
export const listTokens = () => api.get<TokenList>('/auth/tokens');
export const createToken = (body: TokenBody) => api.post<NewApiToken>('/auth/tokens', body);
export const revokeToken = (id: string) => api.del<void>(`/auth/tokens/${encodeURIComponent(id)}`);

export const tokenKeys = { all: ['api-tokens'] as const };

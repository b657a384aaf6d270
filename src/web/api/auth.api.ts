import type { z } from 'zod';
import type { LoginAnswer, LoginBody, LogoutAllAnswer, Me } from '../../common/contract/auth.js';
import { api, ApiError, setCsrfToken } from './http-client.js';

export type LoginInput = z.infer<typeof LoginBody>;

export const login = (body: LoginInput) => api.post<z.infer<typeof LoginAnswer>>('/auth/login', body);

export async function logout(): Promise<void> {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

/** Logs out everywhere: every session of the caller ends, this one included. */
export async function logoutEverywhere(): Promise<z.infer<typeof LogoutAllAnswer>> {
  const answer = await api.post<z.infer<typeof LogoutAllAnswer>>('/auth/logout-all');
  setCsrfToken(null);
  return answer;
}

/** The caller and their roles, or null when nobody is logged in. Keeps the CSRF token. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** React Query keys of the session: every key that starts with `me` is the caller's own. */
export const authKeys = {
  me: ['me'] as const,
};

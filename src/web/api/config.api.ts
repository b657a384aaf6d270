import type { PublicConfig } from '../../common/contract/public-config.js';
import { api } from './http-client.js';

export type { PublicConfig };

export const getPublicConfig = () => api.get<PublicConfig>('/config');

/** React Query keys of the public configuration. */
export const configKeys = {
  public: ['config'] as const,
};

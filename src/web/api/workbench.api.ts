import type { Workbench } from '../../common/contract/workbench.js';
import { api } from './http-client.js';

export type { Workbench } from '../../common/contract/workbench.js';

/** The signed-in person's to-dos and figures (GET /me/workbench), counted within their scopes. */
export const getWorkbench = () => api.get<Workbench>('/me/workbench');

/** React Query keys of the workbench: under `me`, so logging out drops it with the rest of the caller's own data. */
export const workbenchKeys = {
  mine: ['me', 'workbench'] as const,
};

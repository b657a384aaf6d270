import type { SetPin } from '../../common/contract/counter-pin.js';
import { api } from './http-client.js';

/** Sets or replaces my counter PIN (柜台密码); the answer is empty. */
export const setCounterPin = (body: SetPin) => api.put<null>('/me/pin', body);

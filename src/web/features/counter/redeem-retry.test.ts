import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http-client.js';
import { newBasketKey, withRetry } from './redeem-retry.js';

const noSleep = () => Promise.resolve();

describe('redemption retry', () => {
  it('repeats a network failure with the same request until it answers', async () => {
    const keys: string[] = [];
    const key = newBasketKey();
    let calls = 0;
    const send = vi.fn(() => {
      keys.push(key);
      calls += 1;
      return calls < 3 ? Promise.reject(new ApiError(0, 'NETWORK', 'down')) : Promise.resolve({ id: 'r1' });
    });
    await expect(withRetry(send, { sleep: noSleep })).resolves.toEqual({ id: 'r1' });
    expect(send).toHaveBeenCalledTimes(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('never repeats a refusal', async () => {
    const send = vi.fn(() => Promise.reject(new ApiError(409, 'INSUFFICIENT_POINTS', 'no')));
    await expect(withRetry(send, { sleep: noSleep })).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt and reports the network failure', async () => {
    const send = vi.fn(() => Promise.reject(new ApiError(0, 'NETWORK', 'down')));
    await expect(withRetry(send, { attempts: 2, sleep: noSleep })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('makes a new key for each basket, in the shape the server accepts', () => {
    const a = newBasketKey();
    expect(a).toMatch(/^[\w:.-]{8,100}$/);
    expect(newBasketKey()).not.toBe(a);
  });
});

import { describe, expect, it } from 'vitest';
import { isTrivialPin, SetPinBody } from './counter-pin.js';

describe('the counter PIN rule', () => {
  it('calls one digit repeated and straight runs up or down trivial, and nothing else', () => {
    for (const pin of ['0000', '99999', '888888', '1234', '3456', '123456', '6789', '9876', '543210', '4321']) {
      expect(isTrivialPin(pin), pin).toBe(true);
    }
    for (const pin of ['1235', '2580', '1212', '0909', '305718', '135790', '9870', '1123']) {
      expect(isTrivialPin(pin), pin).toBe(false);
    }
  });

  it('takes 4 to 6 digits only', () => {
    for (const pin of ['2580', '25803', '258031']) expect(SetPinBody.safeParse({ pin }).success).toBe(true);
    for (const pin of ['258', '2580317', '25a0', ' 2580', '２５８０']) {
      expect(SetPinBody.safeParse({ pin }).success, pin).toBe(false);
    }
  });
});

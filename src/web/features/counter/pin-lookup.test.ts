import { describe, expect, it } from 'vitest';
import { pinLookupBody } from './pin-lookup.js';

describe('the PIN look-up body', () => {
  it('sends a mainland mobile number as the phone and anything else as a volunteer code', () => {
    expect(pinLookupBody(' 139 1234 5678 ', '2580')).toEqual({ phone: '13912345678', pin: '2580' });
    expect(pinLookupBody('v12345678901', '2580')).toEqual({ volunteerCode: 'V12345678901', pin: '2580' });
    expect(pinLookupBody('23912345678', '2580')).toEqual({ volunteerCode: '23912345678', pin: '2580' });
  });
});

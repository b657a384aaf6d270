import { api } from './http-client.js';

/** The secret iCalendar subscription URL of my shifts (the same until reset). */
export const myCalendar = () => api.get<{ url: string }>('/me/calendar');
export const resetCalendar = () => api.post<{ url: string }>('/me/calendar/reset');

/** React Query keys of the calendar subscription. */
export const calendarKeys = {
  mine: ['me', 'calendar'] as const,
};

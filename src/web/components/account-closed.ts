/** Set when an account was closed in this tab: the next page says so, once. */
const CLOSED_KEY = 'shanmei.accountClosed';

export function markAccountClosed(): void {
  sessionStorage.setItem(CLOSED_KEY, '1');
}

/** Whether this tab just closed an account; asking clears it, so the notice shows once. */
export function takeAccountClosed(): boolean {
  const closed = sessionStorage.getItem(CLOSED_KEY) === '1';
  if (closed) sessionStorage.removeItem(CLOSED_KEY);
  return closed;
}

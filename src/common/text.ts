/**
 * Control characters no text of ours holds: the C0 controls other than tab, line feed and
 * carriage return, and DEL. A NUL byte in particular fails PostgreSQL's text type and would be
 * stored by SQLite as data that could never move to PostgreSQL.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasControlCharacter = (s: string): boolean => CONTROL.test(s);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text without those control characters (a spreadsheet cell may hold any). */
export const withoutControlCharacters = (s: string): string => s.replace(CONTROLS, '');

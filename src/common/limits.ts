/** Limits shared by API validation and UI forms. */
export const LIMITS = {
  nameMax: 50,
  titleMax: 120,
  textMax: 4000,
  addressMax: 200,
  usernameMax: 40,
  passwordMin: 10,
  passwordMax: 128,
  listMax: 200,
  listDefault: 50,
  tagsMax: 30,
  tagMax: 40,
  tokenNameMax: 60,
  reasonMax: 500,
} as const;

// The public face of the secrets module (rotation of SHANMEI_SECRET): what other modules and the CLI may use.
export { ENCRYPTED_COLUMNS, rekeyPersonalData, staleByTable, type RekeyReport } from './secrets.service.js';

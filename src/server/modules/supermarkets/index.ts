// The public face of the supermarkets module: what other modules may use. Nothing else of it is theirs.
export { insertGoods, insertMovements } from './goods.repository.js';
export { RECEIPT_ALPHABET } from './receipt-no.js';
export { ledgerKey as redemptionLedgerKey } from './redemptions.service.js';
export { redemptionTotals } from './reports.repository.js';
export { myRedemptions } from './reports.service.js';
export { redemptionsForExport, stockForExport, type RedemptionLine } from './exports.service.js';

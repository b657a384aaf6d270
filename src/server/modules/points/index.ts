// The public face of the points module: what other modules may use. Nothing else of it is theirs.
export { earnForRecord, lockBudgets, reverseForRecord } from './earning.js';
export { balanceOf, postTransaction, reverseTransaction, walletOf } from './ledger.js';
export type { AccountRef } from './ledger.js';
export { transactionById } from './ledger.repository.js';
export { insertRule } from './rules.repository.js';
export { statementOf } from './statements.service.js';
export { runScheduledExpiry } from './expiry.js';
export { verifyLedger } from './verify.js';
export { earnForHonour, pointsOfHonour, reverseForHonour } from './honour-earning.js';
export type { HonourEarning } from './honour-earning.js';
export { earnForReport, pointsOfReport } from './report-earning.js';
export type { ReportEarning } from './report-earning.js';

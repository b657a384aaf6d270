import type { Migration } from 'kysely';
import * as foundation from './2026-11-29-001-foundation.js';
import * as activities from './2026-11-29-002-activities.js';
import * as recordFlags from './2026-11-29-020-record-flags.js';
import * as calendarVersions from './2026-11-29-030-calendar-versions.js';
import * as pointsLedger from './2026-11-29-040-points-ledger.js';
import * as supermarkets from './2026-11-29-050-supermarkets.js';
import * as statisticsIndexes from './2026-11-29-060-statistics-indexes.js';
import * as personalDataAtRest from './2026-12-06-070-personal-data-at-rest.js';
import * as auditRegions from './2026-12-06-080-audit-regions.js';
import * as verificationCodes from './2026-12-06-090-verification-codes.js';
import * as guardians from './2026-12-06-100-guardians.js';
import * as counterPins from './2026-12-06-110-counter-pins.js';
import * as activityContact from './2026-12-06-120-activity-contact.js';
import * as checkinIndexes from './2026-12-06-125-checkin-indexes.js';
import * as earningBreakdown from './2026-12-06-130-earning-breakdown.js';
import * as statisticsRollup from './2026-12-06-140-statistics-rollup.js';
import * as nameSearchIndex from './2026-12-06-150-name-search-index.js';
import * as departmentMembers from './2026-12-06-160-department-members.js';
import * as statisticsAllFields from './2026-12-06-170-statistics-all-fields.js';
import * as imports from './2026-12-06-180-imports.js';
import * as statisticsFieldIndex from './2026-12-06-190-statistics-field-index.js';
import * as importProgress from './2026-12-06-200-import-progress.js';
import * as ledgerBounds from './2026-12-06-210-ledger-bounds.js';
import * as tokenExpiry from './2026-12-06-220-token-expiry.js';
import * as securityCounters from './2026-12-06-230-security-counters.js';
import * as needs from './2026-12-06-250-needs.js';
import * as certificates from './2026-12-07-260-certificates.js';
import * as needSla from './2026-12-07-270-need-sla.js';
import * as expiryWindow from './2026-12-07-290-expiry-window.js';
import * as files from './2026-12-07-300-files.js';
import * as needPhotos from './2026-12-07-310-need-photos.js';
import * as needSites from './2026-12-07-320-need-sites.js';
import * as plans from './2026-12-07-330-plans.js';
import * as honours from './2026-12-07-350-honours.js';
import * as honourImages from './2026-12-07-380-honour-images.js';
import * as planPhotos from './2026-12-07-390-plan-photos.js';
import * as stories from './2026-12-07-450-stories.js';
import * as reports from './2026-12-07-400-reports.js';

/** Every migration, by its dated name. Append new ones; never edit a released one. */
export const migrations: Record<string, Migration> = {
  '2026-11-29-001-foundation': foundation,
  '2026-11-29-002-activities': activities,
  '2026-11-29-020-record-flags': recordFlags,
  '2026-11-29-030-calendar-versions': calendarVersions,
  '2026-11-29-040-points-ledger': pointsLedger,
  '2026-11-29-050-supermarkets': supermarkets,
  '2026-11-29-060-statistics-indexes': statisticsIndexes,
  '2026-12-06-070-personal-data-at-rest': personalDataAtRest,
  '2026-12-06-080-audit-regions': auditRegions,
  '2026-12-06-090-verification-codes': verificationCodes,
  '2026-12-06-100-guardians': guardians,
  '2026-12-06-110-counter-pins': counterPins,
  '2026-12-06-120-activity-contact': activityContact,
  '2026-12-06-125-checkin-indexes': checkinIndexes,
  '2026-12-06-130-earning-breakdown': earningBreakdown,
  '2026-12-06-140-statistics-rollup': statisticsRollup,
  '2026-12-06-150-name-search-index': nameSearchIndex,
  '2026-12-06-160-department-members': departmentMembers,
  '2026-12-06-170-statistics-all-fields': statisticsAllFields,
  '2026-12-06-180-imports': imports,
  '2026-12-06-190-statistics-field-index': statisticsFieldIndex,
  '2026-12-06-200-import-progress': importProgress,
  '2026-12-06-210-ledger-bounds': ledgerBounds,
  '2026-12-06-220-token-expiry': tokenExpiry,
  '2026-12-06-230-security-counters': securityCounters,
  '2026-12-06-250-needs': needs,
  '2026-12-07-260-certificates': certificates,
  '2026-12-07-270-need-sla': needSla,
  '2026-12-07-290-expiry-window': expiryWindow,
  '2026-12-07-300-files': files,
  '2026-12-07-310-need-photos': needPhotos,
  '2026-12-07-320-need-sites': needSites,
  '2026-12-07-330-plans': plans,
  '2026-12-07-350-honours': honours,
  '2026-12-07-380-honour-images': honourImages,
  '2026-12-07-390-plan-photos': planPhotos,
  '2026-12-07-450-stories': stories,
  '2026-12-07-400-reports': reports,
};

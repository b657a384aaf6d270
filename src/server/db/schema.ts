/** Table types for Kysely, one file per area under schema/; `DB` holds them all. */
import type { ActivitiesTables } from './schema/activities.js';
import type { CertificatesTables } from './schema/certificates.js';
import type { CounterPinsTables } from './schema/counter-pins.js';
import type { FilesTables } from './schema/files.js';
import type { FoundationTables } from './schema/foundation.js';
import type { HonoursTables } from './schema/honours.js';
import type { ImportsTables } from './schema/imports.js';
import type { NeedsTables } from './schema/needs.js';
import type { PlansTables } from './schema/plans.js';
import type { PointsTables } from './schema/points.js';
import type { StoriesTables } from './schema/stories.js';
import type { ReportsTables } from './schema/reports.js';
import type { StatsTables } from './schema/stats.js';
import type { SupermarketsTables } from './schema/supermarkets.js';

export type * from './schema/activities.js';
export type * from './schema/certificates.js';
export type * from './schema/counter-pins.js';
export type * from './schema/files.js';
export type * from './schema/foundation.js';
export type * from './schema/honours.js';
export type * from './schema/imports.js';
export type * from './schema/needs.js';
export type * from './schema/plans.js';
export type * from './schema/points.js';
export type * from './schema/reports.js';
export type * from './schema/stats.js';
export type * from './schema/stories.js';
export type * from './schema/supermarkets.js';

export interface DB
  extends
    FoundationTables,
    ActivitiesTables,
    SupermarketsTables,
    PointsTables,
    CounterPinsTables,
    StatsTables,
    ImportsTables,
    NeedsTables,
    CertificatesTables,
    FilesTables,
    PlansTables,
    HonoursTables,
    StoriesTables,
    ReportsTables {}

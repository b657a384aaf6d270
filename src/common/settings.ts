import { DEFAULT_TIME_ZONE } from './zoned-time.js';

/**
 * Rules the city configures (stored in the `settings` table; these are the defaults).
 * Hours never expire; thresholds are cumulative confirmed hours.
 */
export interface PlatformSettings {
  /** Cumulative confirmed hours for one to five stars. */
  starThresholdsHours: number[];
  /** Hours are rounded down to this many minutes. */
  hourStepMinutes: number;
  /** Check-in/out pairs a volunteer may make in one day. */
  maxPairsPerDay: number;
  /** No-shows within `noShowWindowMonths` that suspend sign-up. */
  noShowLimit: number;
  noShowWindowMonths: number;
  /** Days sign-up stays suspended after the limit is reached. */
  suspensionDays: number;
  /** Below this age a guardian's consent is required. */
  guardianAge: number;
  /** Below this age a volunteer registers only together with a guardian's consent (PIPL: 14). */
  guardianRegistrationAge: number;
  /** Rotating codes change every this many seconds. */
  codeWindowSeconds: number;
  /** Time zone for service dates and "per day" limits. */
  timeZone: string;
  /** The largest points one admin adjustment may add or take off (either sign); beyond it a 422. */
  adjustmentMaxPoints: number;
  /** An adjustment larger than this (either sign) waits for a second admin's approval. */
  adjustmentApprovalPoints: number;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  starThresholdsHours: [100, 300, 600, 1000, 1500],
  hourStepMinutes: 30,
  maxPairsPerDay: 3,
  noShowLimit: 5,
  noShowWindowMonths: 12,
  suspensionDays: 30,
  guardianAge: 18,
  guardianRegistrationAge: 14,
  codeWindowSeconds: 30,
  timeZone: DEFAULT_TIME_ZONE,
  adjustmentMaxPoints: 100_000,
  adjustmentApprovalPoints: 10_000,
};

/** Star level (0–5) for a number of confirmed minutes. */
export function starLevelFor(
  minutes: number,
  thresholdsHours: number[] = DEFAULT_SETTINGS.starThresholdsHours,
): number {
  let level = 0;
  for (const h of thresholdsHours) if (minutes >= h * 60) level += 1;
  return level;
}

/** Minutes as the API shows hours: a decimal with at most one place, rounded down. */
export const minutesToHours = (minutes: number): number => Math.floor(minutes / 6) / 10;

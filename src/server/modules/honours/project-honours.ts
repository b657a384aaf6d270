/**
 * The brand projects' honours as the projects API has always answered and taken them
 * ({title, year?, awardedBy?}), kept in the honours table since migration 350.
 */
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { presentProjectHonour } from './honours.presenter.js';
import * as repo from './honours.repository.js';

export interface ProjectHonour {
  title: string;
  year?: number | undefined;
  awardedBy?: string | undefined;
}

/** Each project's honours, in the order recorded. */
export async function projectHonours(db: Db, projectIds: string[]): Promise<Map<string, ProjectHonour[]>> {
  const rows = await repo.honoursOf(db, 'project', projectIds, { order: 'recorded' }, 50 * projectIds.length);
  const out = new Map<string, ProjectHonour[]>(projectIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.subject_id)?.push(presentProjectHonour(r));
  return out;
}

/**
 * Records honours of a project given through the projects API (no level: that API never took
 * one). Call inside the caller's transaction, after the project exists.
 */
export async function addProjectHonours(
  db: Db,
  projectId: string,
  honours: readonly ProjectHonour[],
  recordedBy: string,
): Promise<void> {
  if (honours.length === 0) return;
  const facts = await repo.projectFacts(db, projectId);
  if (!facts) throw new Error(`project ${projectId} vanished`);
  for (const h of honours) {
    await repo.insertHonour(db, {
      id: newId(),
      subject_kind: 'project',
      subject_id: projectId,
      region_code: facts.regionCode,
      name: h.title,
      level: null,
      year: h.year ?? null,
      issuer: h.awardedBy ?? null,
      recorded_by: recordedBy,
      recorded_at: nowIso(),
    });
  }
}

import type { Member, Membership, MyMembership } from '../../../common/contract/organisations.js';
import type { MembershipRole, MembershipStatus } from '../../../common/enums.js';
import { forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { notify } from '../../platform/notify/notify.js';
import * as repo from './memberships.repository.js';
import { presentMembership } from './organisations.presenter.js';
import { organisationById } from './organisations.repository.js';
import { membershipCounted } from '../stats/index.js';

export interface MemberRef {
  volunteerId?: string;
  volunteerCode?: string;
}

/** A membership's statuses that still ask for an answer or hold: the ones that can end. */
const OPEN: readonly MembershipStatus[] = ['invited', 'applied', 'active'];

async function organisationForAdmin(db: Db, actor: Actor, orgId: string) {
  const org = await organisationById(db, orgId);
  if (!org) throw notFound('Organisation');
  if (!(await new Policy(db).adminsOrganisation(actor, orgId)))
    throw forbidden('You do not administer this organisation');
  return org;
}

async function audit(db: Db, actor: Actor, action: string, m: { organisation_id: string; volunteer_id: string }) {
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: `membership.${action}`,
    entityType: 'organisation',
    entityId: m.organisation_id,
    details: { volunteerId: m.volunteer_id },
  });
}

/**
 * Moves a membership from `from` to `to` in one transaction with its audit entry and, when
 * `tell` names the volunteer's user, the notice to them. A concurrent change wins: 409.
 */
async function move(
  db: Db,
  actor: Actor,
  m: repo.MembershipRow,
  to: MembershipStatus,
  opts: { role?: MembershipRole; action: string; tell?: { userId: string; organisationName: string } },
): Promise<Membership> {
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.moveMembership(trx, m.id, m.status, { status: to, role: opts.role, at }))) {
      throw refusal('CONFLICT', 'membership_changed', 'The membership changed meanwhile: load it again');
    }
    if ((m.status === 'active') !== (to === 'active')) await membershipCounted(trx, m, to === 'active' ? 1 : -1);
    await audit(trx, actor, opts.action, m);
    if (opts.tell) {
      const { userId, organisationName } = opts.tell;
      const n =
        to === 'invited'
          ? ({ userId, kind: 'membership_invited', params: { organisationName } } as const)
          : ({
              userId,
              kind: 'membership_changed',
              params: { organisationName, status: to as 'active' | 'declined' | 'ended' },
            } as const);
      await notify(trx, { ...n, data: { membershipId: m.id, organisationId: m.organisation_id } }, { now: at });
    }
  });
  return presentMembership({ ...m, status: to, role: opts.role ?? m.role, joined_at: at });
}

/**
 * An organisation's admin invites a volunteer (by id or volunteer code). The invitation shows
 * the admin nothing of the person until they accept; an earlier application is accepted at once,
 * and a declined or ended membership can be asked for again.
 */
export async function inviteMember(db: Db, actor: Actor, orgId: string, who: MemberRef, role: MembershipRole) {
  const org = await organisationForAdmin(db, actor, orgId);
  const field = who.volunteerCode !== undefined ? 'volunteerCode' : 'volunteerId';
  const v =
    who.volunteerCode !== undefined
      ? await repo.volunteerByCode(db, who.volunteerCode)
      : await repo.volunteerById(db, who.volunteerId ?? '');
  if (!v) {
    const given = field === 'volunteerCode' ? `the code "${who.volunteerCode}"` : `the id "${who.volunteerId}"`;
    throw ruleBroken(
      field,
      field === 'volunteerCode' ? 'no_such_volunteer_code' : 'no_such_volunteer',
      `no volunteer has ${given}`,
    );
  }
  const tell = { userId: v.user_id, organisationName: org.name };
  const existing = await repo.findMembership(db, orgId, v.id);
  if (existing?.status === 'active')
    throw refusal('DUPLICATE', 'already_member', 'The volunteer is already a member of this organisation');
  if (existing?.status === 'invited')
    throw refusal('DUPLICATE', 'already_invited', 'The volunteer is invited already: waiting for their answer');
  if (existing?.status === 'applied') return move(db, actor, existing, 'active', { role, action: 'accept', tell });
  if (existing) return move(db, actor, existing, 'invited', { role, action: 'invite', tell });
  const at = nowIso();
  const row = await db.transaction().execute(async (trx) => {
    const m = await repo.insertMembership(trx, {
      organisationId: orgId,
      volunteerId: v.id,
      role,
      status: 'invited',
      at,
    });
    await audit(trx, actor, 'invite', m);
    await notify(
      trx,
      {
        userId: v.user_id,
        kind: 'membership_invited',
        params: { organisationName: org.name },
        data: { membershipId: m.id, organisationId: orgId },
      },
      { now: at },
    );
    return m;
  });
  return presentMembership(row);
}

/** A volunteer asks to join an organisation; an invitation waiting for them is accepted instead. */
export async function applyToOrganisation(db: Db, actor: Actor, orgId: string): Promise<Membership> {
  const v = await repo.volunteerOfUser(db, actor.userId);
  if (!v) throw forbidden('Only volunteers apply to join an organisation');
  if (!(await organisationById(db, orgId))) throw notFound('Organisation');
  const existing = await repo.findMembership(db, orgId, v.id);
  if (existing?.status === 'active') {
    throw refusal('DUPLICATE', 'already_member_self', 'You are a member of this organisation already');
  }
  if (existing?.status === 'applied')
    throw refusal('DUPLICATE', 'already_applied', 'You have applied already: the organisation will answer');
  if (existing?.status === 'invited') return move(db, actor, existing, 'active', { action: 'accept' });
  if (existing) return move(db, actor, existing, 'applied', { role: 'member', action: 'apply' });
  const at = nowIso();
  const row = await db.transaction().execute(async (trx) => {
    const m = await repo.insertMembership(trx, {
      organisationId: orgId,
      volunteerId: v.id,
      role: 'member',
      status: 'applied',
      at,
    });
    await audit(trx, actor, 'apply', m);
    return m;
  });
  return presentMembership(row);
}

/** The membership and the actor's side of it; 404 to anyone who is neither the person nor an admin. */
async function sides(db: Db, actor: Actor, id: string) {
  const m = await repo.membershipById(db, id);
  if (!m) throw notFound('Membership');
  const self = m.volunteer_user_id === actor.userId;
  const admin = !self && (await new Policy(db).adminsOrganisation(actor, m.organisation_id));
  if (!self && !admin) throw notFound('Membership');
  return { m, self, admin };
}

/**
 * Accepts or declines what the other side asked: the volunteer answers an invitation, the
 * organisation's admins an application. Nobody answers their own request.
 */
export async function decideMembership(db: Db, actor: Actor, id: string, accept: boolean): Promise<Membership> {
  const { m, self, admin } = await sides(db, actor, id);
  if (m.status === 'invited' && !self) throw forbidden('Only the invited volunteer accepts or declines an invitation');
  if (m.status === 'applied' && !admin) throw forbidden("The organisation's admins answer an application");
  if (m.status !== 'invited' && m.status !== 'applied')
    throw refusal('CONFLICT', 'membership_answered', `The membership is ${m.status}: nothing to answer`);
  const to = accept ? 'active' : 'declined';
  const tell = admin ? { userId: m.volunteer_user_id, organisationName: m.organisation_name } : undefined;
  return move(db, actor, m, to, { action: accept ? 'accept' : 'decline', tell });
}

/** Ends a membership, or withdraws an invitation or application: either side may. */
export async function endMembership(db: Db, actor: Actor, id: string): Promise<Membership> {
  const { m, admin } = await sides(db, actor, id);
  if (!OPEN.includes(m.status))
    throw refusal('CONFLICT', 'membership_answered', `The membership is ${m.status} already`);
  const tell =
    admin && m.status !== 'invited'
      ? { userId: m.volunteer_user_id, organisationName: m.organisation_name }
      : undefined;
  return move(db, actor, m, 'ended', { action: 'end', tell });
}

/** The volunteer's own memberships in every status, invitations first to answer. */
export async function myMemberships(db: Db, actor: Actor): Promise<MyMembership[]> {
  const v = await repo.volunteerOfUser(db, actor.userId);
  if (!v) throw forbidden('Only volunteers have memberships');
  const rows = await repo.membershipsOfVolunteer(db, v.id, 200);
  return rows.map((r) => ({ ...presentMembership(r), organisationName: r.organisation_name }));
}

/**
 * An organisation's memberships for its admins. A person's name shows once they applied or
 * accepted; an invitation not (or no longer) accepted shows the code the admin typed, nothing more.
 */
export async function listMembers(db: Db, actor: Actor, orgId: string, afterId: string | undefined, limit: number) {
  await organisationForAdmin(db, actor, orgId);
  const rows = await repo.listMembers(db, orgId, afterId, limit);
  return rows.map((r): Member => ({
    ...presentMembership(r),
    volunteerName: r.status === 'active' || r.status === 'applied' ? r.volunteer_name : null,
    volunteerCode: r.volunteer_code,
  }));
}

/** A volunteer's memberships with the organisation's name, oldest first, at most `limit`: for their own-data export. */
export async function membershipsForExport(db: Db, volunteerId: string, limit: number) {
  return (await repo.membershipHistoryOf(db, volunteerId, limit)).map((m) => ({
    ...presentMembership(m),
    organisationName: m.organisation_name,
  }));
}

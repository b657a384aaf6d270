import type { Role, ScopeType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { insertGrant } from '../access/index.js';
import { insertUser, userByUsername } from '../auth/index.js';

/**
 * The one password of every demo account (README lists it). Public on purpose: the demo is
 * for trying the platform out, never for real data.
 */
export const DEMO_PASSWORD = 'shanmei-demo';

export interface DemoLogin {
  login: string;
  role: Role;
  /** Who the account is, in words: the scope it holds the role in. */
  scope: string;
}

export interface AccountScopes {
  region: { code: string; name: string };
  department: { id: string; name: string };
  team: { id: string; name: string };
  site: { id: string; name: string };
  supermarket: { id: string; name: string };
}

interface AccountPlan {
  username: string;
  displayName: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  scope: string;
}

function plans(s: AccountScopes): AccountPlan[] {
  return [
    {
      username: 'region.admin',
      displayName: `${s.region.name}管理员`,
      role: 'region_admin',
      scopeType: 'region',
      scopeId: s.region.code,
      scope: `${s.region.name} (${s.region.code})`,
    },
    {
      username: 'dept.admin',
      displayName: `${s.department.name}管理员`,
      role: 'department_admin',
      scopeType: 'organisation',
      scopeId: s.department.id,
      scope: s.department.name,
    },
    {
      username: 'team.admin',
      displayName: `${s.team.name}队长`,
      role: 'team_admin',
      scopeType: 'organisation',
      scopeId: s.team.id,
      scope: s.team.name,
    },
    {
      username: 'site.manager',
      displayName: `${s.site.name}负责人`,
      role: 'site_manager',
      scopeType: 'site',
      scopeId: s.site.id,
      scope: s.site.name,
    },
    {
      username: 'clerk',
      displayName: `${s.supermarket.name}店员`,
      role: 'clerk',
      scopeType: 'site',
      scopeId: s.supermarket.id,
      scope: s.supermarket.name,
    },
    {
      username: 'resident',
      displayName: '渝中区居民',
      role: 'resident',
      scopeType: 'system',
      scopeId: 'system',
      scope: '群众 (posts needs)',
    },
  ];
}

/**
 * One account per role besides the system admin (bootstrap makes that one) and the
 * volunteer (registered with the other volunteers). They log in by username and hold no
 * personal data, so they need no encryption.
 */
export async function insertAccounts(db: Db, passwordHash: string, scopes: AccountScopes): Promise<DemoLogin[]> {
  const grantedBy = (await userByUsername(db, 'admin'))?.id ?? null;
  const logins: DemoLogin[] = [];
  for (const p of plans(scopes)) {
    const id = newId();
    await insertUser(db, {
      id,
      username: p.username,
      display_name: p.displayName,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      password_hash: passwordHash,
      region_code: scopes.region.code,
      locale: 'zh-CN',
      status: 'active',
      created_at: nowIso(),
    });
    await insertGrant(db, { userId: id, role: p.role, scopeType: p.scopeType, scopeId: p.scopeId, grantedBy });
    logins.push({ login: p.username, role: p.role, scope: p.scope });
  }
  return logins;
}

/**
 * One row of an organisation list: checked cell by cell with the rules of POST /organisations
 * (kind, level, region, parent, supervising department, fields), each problem named with its
 * column, then created through the organisations module (addOrganisation), so an imported
 * organisation is stored, counted and audited as one created by hand. A parent may be an
 * organisation already there or one an earlier row of the same file created.
 */
import { LIMITS } from '../../../common/limits.js';
import type { OrgKind, OrgLevel } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import {
  addOrganisation,
  organisationNamedUnder,
  regionWithin,
  type NamedOrganisation,
} from '../organisations/index.js';
import { organisationNames } from './imports.organisation-names.js';
import { regionResolver } from './imports.regions.js';
import {
  fieldResolver,
  FirstRows,
  regionScope,
  rowRegion,
  RowReader,
  vocabulary,
  writeRow,
  type RowHandler,
} from './imports.rows.js';

/** The kinds by the names the web app shows (zh-CN.json orgKind) and those registers use. */
export const orgKindOf = vocabulary<OrgKind>({
  department: ['部门', '主管部门', '职能部门', 'dept'],
  organisation: ['志愿服务组织', '志愿者组织', '组织', '社会组织', 'organization'],
  team: ['志愿服务队', '志愿者服务队', '志愿队', '服务队', '团队', '队伍'],
});

/** The levels by the names the web app shows (zh-CN.json orgLevel) and the region levels'. */
export const orgLevelOf = vocabulary<OrgLevel>({
  city: ['市级', '市'],
  district: ['区县级', '区县', '区/县', '区级', '县级'],
  town: ['街镇级', '街镇', '镇街', '街道/镇', '街道', '乡镇'],
  community: ['村社级', '村社', '社区/村', '社区', '村'],
});

/** The handler of an organisation import by `actor`, import `importId`. */
export async function organisationRows(db: Db, actor: Actor, importId: string): Promise<RowHandler> {
  const region = await regionResolver(db);
  const fieldsOf = await fieldResolver(db);
  const inScope = regionScope(actor);
  const orgs = organisationNames();
  const firstRows = new FirstRows();

  return async (trx, row) => {
    const r = new RowReader(row);
    const name = r.text('name', { required: true, max: LIMITS.titleMax });
    const kind = r.choice('kind', orgKindOf, 'bad_org_kind');
    const level = r.choice('level', orgLevelOf, 'bad_org_level');

    const regionCode = await rowRegion(trx, r, region, inScope);

    // The parent: the one whose region holds this one's, when several share the name.
    let parent: NamedOrganisation | null = null;
    const parentText = r.text('parent', { required: false, max: LIMITS.titleMax });
    if (parentText) {
      const found = await orgs.find(
        trx,
        parentText,
        (o) => !!regionCode && regionWithin(trx, o.region_code, regionCode),
      );
      if (!found.ok) r.refuse('parent', found.reason === 'none' ? 'no_such_organisation' : 'ambiguous_organisation');
      else if (regionCode && !(await regionWithin(trx, found.value.region_code, regionCode))) {
        r.refuse('region', 'region_outside_parent');
      } else parent = found.value;
    }

    let departmentId: string | null = null;
    const departmentText = r.text('department', { required: false, max: LIMITS.titleMax });
    if (departmentText) {
      const found = await orgs.find(trx, departmentText, (o) => o.kind === 'department');
      if (!found.ok) {
        r.refuse('department', found.reason === 'none' ? 'no_such_organisation' : 'ambiguous_organisation');
      } else if (found.value.kind !== 'department') r.refuse('department', 'not_a_department');
      else departmentId = found.value.id;
    }
    const fields = fieldsOf(r);
    if (!r.ok || !kind || !level) return r.problems;

    // Two organisations of one name under one parent: the second is a duplicate.
    const key = `${parent?.id ?? ''}\u0000${name}`;
    if (await organisationNamedUnder(trx, parent?.id ?? null, name)) {
      return firstRows.duplicate(key, 'name', 'organisation_exists');
    }
    const problems = await writeRow(
      trx,
      () =>
        addOrganisation(
          trx,
          actor,
          { name, kind, level, regionCode, parentId: parent?.id ?? null, departmentId, fields },
          { importId, row: row.row },
        ),
      {
        region_outside_parent: { key: 'region', reason: 'region_outside_parent' },
        no_such_region: { key: 'region', reason: 'no_such_region' },
        not_a_department: { key: 'department', reason: 'not_a_department' },
      },
    );
    if (problems.length === 0) {
      firstRows.mark(key, row.row);
      orgs.forget(name);
    }
    return problems;
  };
}

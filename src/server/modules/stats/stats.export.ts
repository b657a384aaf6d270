/**
 * The statistics page's tables as .xlsx: the figures, the child regions with the row of the
 * region itself and the total, the months and the service fields, from the same overview the
 * page shows. Headers in both languages, as every export of the platform.
 */
import type { StatsOverview, StatsQueryInput } from '../../../common/contract/stats.js';
import type { Db } from '../../db/database.js';
import { streamedWorkbook, type XlsxFile } from '../../platform/xlsx.js';
import { overview } from './stats.service.js';

type Flow = Pick<
  StatsOverview,
  'sessions' | 'participations' | 'peopleServed' | 'hours' | 'pointsIssued' | 'pointsRedeemed'
>;

const FLOW_COLUMNS = [
  { header: '服务场次 Sessions', key: 'sessions', width: 12 },
  { header: '服务人次 Participations', key: 'participations', width: 14 },
  { header: '服务对象人次 People served', key: 'peopleServed', width: 16 },
  { header: '服务时长(小时) Hours', key: 'hours', width: 14 },
  { header: '发放积分 Points issued', key: 'pointsIssued', width: 14 },
  { header: '兑换积分 Points redeemed', key: 'pointsRedeemed', width: 14 },
];

const flowOf = (f: Flow) => ({
  sessions: f.sessions,
  participations: f.participations,
  peopleServed: f.peopleServed,
  hours: f.hours,
  pointsIssued: f.pointsIssued,
  pointsRedeemed: f.pointsRedeemed,
});

/** Service field names in both languages, by code. */
async function fieldNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('service_fields').select(['code', 'name_zh', 'name_en']).execute();
  return new Map(rows.map((r) => [r.code, `${r.name_zh} ${r.name_en}`]));
}

export async function overviewXlsx(db: Db, q: StatsQueryInput): Promise<XlsxFile> {
  // Computed before the first byte, so a bad query is still a 4xx.
  const s = await overview(db, q);
  const fields = await fieldNames(db);
  const stream = streamedWorkbook(async (wb) => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const figures = wb.addWorksheet('概览 Overview');
    figures.columns = [
      { header: '指标 Figure', key: 'name', width: 30 },
      { header: '数值 Value', key: 'value', width: 16 },
    ];
    for (const [name, value] of [
      ['地区 Region', `${s.regionName} (${s.regionCode})`],
      ['起 From (UTC)', s.from],
      ['止 To (UTC, exclusive)', s.to],
      ['时区 Time zone', s.timeZone],
      ['注册志愿者 Volunteers', s.volunteers],
      ['活跃志愿者 Active volunteers', s.activeVolunteers],
      ['志愿服务队 Teams', sum(s.teamsByLevel)],
      ['阵地 Sites', sum(s.sitesByType)],
      ['服务场次 Sessions', s.sessions],
      ['服务人次 Participations', s.participations],
      ['服务对象人次 People served', s.peopleServed],
      ['服务时长(小时) Hours', s.hours],
      ['发放积分 Points issued', s.pointsIssued],
      ['兑换积分 Points redeemed', s.pointsRedeemed],
    ] as const) {
      figures.addRow({ name, value }).commit();
    }
    figures.commit();

    const regions = wb.addWorksheet('按地区 By region');
    regions.columns = [
      { header: '地区 Region', key: 'name', width: 22 },
      { header: '代码 Code', key: 'code', width: 12 },
      { header: '注册志愿者 Volunteers', key: 'volunteers', width: 14 },
      { header: '活跃志愿者 Active', key: 'activeVolunteers', width: 12 },
      { header: '服务队 Teams', key: 'teams', width: 10 },
      { header: '阵地 Sites', key: 'sites', width: 10 },
      ...FLOW_COLUMNS,
    ];
    const regionRow = (name: string, r: StatsOverview['atRegionItself']) => ({
      name,
      code: r.regionCode,
      volunteers: r.volunteers,
      activeVolunteers: r.activeVolunteers,
      teams: r.teams,
      sites: r.sites,
      ...flowOf(r),
    });
    for (const r of s.byRegion) regions.addRow(regionRow(r.name, r)).commit();
    regions.addRow(regionRow(`${s.regionName}本级 (itself)`, s.atRegionItself)).commit();
    regions
      .addRow({
        ...regionRow(`合计 Total`, {
          ...s.atRegionItself,
          ...s,
          regionCode: s.regionCode,
          name: s.regionName,
          teams: sum(s.teamsByLevel),
          sites: sum(s.sitesByType),
        }),
      })
      .commit();
    regions.commit();

    const months = wb.addWorksheet('按月 By month');
    months.columns = [
      { header: '月份 Month', key: 'month', width: 10 },
      { header: '新注册 New volunteers', key: 'newVolunteers', width: 14 },
      ...FLOW_COLUMNS,
    ];
    for (const m of s.byMonth) months.addRow({ month: m.month, newVolunteers: m.newVolunteers, ...flowOf(m) }).commit();
    months.commit();

    const byField = wb.addWorksheet('按领域 By field');
    byField.columns = [{ header: '服务领域 Field', key: 'field', width: 28 }, ...FLOW_COLUMNS];
    for (const f of s.byField) byField.addRow({ field: fields.get(f.field) ?? f.field, ...flowOf(f) }).commit();
    byField.commit();
  });
  const day = (iso: string) => iso.slice(0, 10);
  return { stream, filename: `statistics_${s.regionCode}_${day(s.from)}_${day(s.to)}.xlsx` };
}

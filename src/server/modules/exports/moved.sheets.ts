/**
 * The sheets of the exports that other modules had written themselves — the insurer's list of a
 * shift, a supermarket's redemptions and stock, an organisation's records, the statistics page —
 * now written through the one table writer. Their owners check the caller and read the rows;
 * the columns, headers and file names are unchanged (bilingual headers, as these files had).
 */
import type { PlanOverviewRow } from '../../../common/contract/plans.js';
import type { ReportStats } from '../../../common/contract/reports.js';
import { percentOf } from '../../../common/plan-progress.js';
import type { StatsOverview } from '../../../common/contract/stats.js';
import { minutesToHours } from '../../../common/settings.js';
import { wallTime } from '../../../common/zoned-time.js';
import { reportCategoryName, reportStatusName } from '../../platform/notify/report-words.js';
import type { AnySheet, Column, Sheet } from '../../platform/table-file.js';
import type { InsuredPerson } from '../insurance/index.js';
import type { ListedRecordRow, RecordsForExport } from '../records/index.js';
import type { RedemptionLine, stockForExport } from '../supermarkets/index.js';
import { valueText } from './exports.words.js';

const col = <R>(header: string, width: number, value: Column<R>['value']): Column<R> => ({ header, width, value });

export function insuredSheet(people: readonly InsuredPerson[]): Sheet<InsuredPerson> {
  return {
    name: '参保人员',
    rows: people,
    columns: [
      col('姓名', 12, (p) => p.name),
      col('志愿者编号', 16, (p) => p.volunteerCode),
      col('证件类型', 18, (p) => valueText('idType', p.idType, 'zh-CN')),
      col('证件号码', 22, (p) => p.idNumber),
      col('出生年份', 10, (p) => p.birthYear ?? ''),
      col('性别', 6, (p) => valueText('gender', p.gender, 'zh-CN')),
      col('手机号', 14, (p) => p.phone),
      col('保单号', 20, (p) => p.policyNumber),
    ],
  };
}

export function redemptionsSheet(lines: AsyncIterable<RedemptionLine>): Sheet<RedemptionLine> {
  return {
    name: '兑换记录 Redemptions',
    rows: lines,
    columns: [
      col('兑换单号 Redemption', 38, (l) => l.id),
      col('时间 Time (UTC)', 26, (l) => l.at),
      col('志愿者编号 Volunteer code', 22, (l) => l.volunteerCode),
      col('姓名 Name', 12, (l) => l.volunteerName),
      col('商品 Goods', 24, (l) => l.goods),
      col('数量 Qty', 8, (l) => l.qty),
      col('积分 Points', 10, (l) => l.points),
      col('兑换后余额 Balance after', 14, (l) => l.balanceAfter),
      col('状态 Status', 12, (l) => l.status),
      col('撤销原因 Reversal reason', 30, (l) => l.reverseReason ?? ''),
    ],
  };
}

type Stock = Awaited<ReturnType<typeof stockForExport>>;

export function stockSheets(s: Stock): [Sheet<Stock['goods'][number]>, Sheet<Stock['movements'][number]>] {
  return [
    {
      name: '库存 Stock',
      rows: s.goods,
      columns: [
        col('商品编号 Goods id', 38, (g) => g.id),
        col('商品 Goods', 24, (g) => g.name),
        col('积分 Points', 10, (g) => g.points),
        col('库存 Stock', 10, (g) => g.stock),
        col('上架 Active', 10, (g) => (g.active === 1 ? 'yes' : 'no')),
        col('捐赠方 Donor', 20, (g) => g.donor ?? ''),
      ],
    },
    {
      name: '出入库 Movements',
      rows: s.movements,
      columns: [
        col('时间 Time (UTC)', 26, (m) => m.created_at),
        col('商品 Goods', 24, (m) => m.goods_name),
        col('类型 Kind', 12, (m) => m.kind),
        col('变动 Delta', 10, (m) => m.delta),
        col('变动后 Stock after', 12, (m) => m.stock_after),
        col('原因 Reason', 30, (m) => m.reason),
        col('兑换单号 Redemption', 38, (m) => m.redemption_id ?? ''),
      ],
    },
  ];
}

export function recordsSheet({ timeZone, rows }: RecordsForExport): Sheet<ListedRecordRow> {
  const local = (at: string) => wallTime(at, timeZone).replace('T', ' ');
  return {
    name: '服务记录 Records',
    rows,
    columns: [
      col('服务日期 Date', 12, (r) => r.service_date),
      col(`开始 Start (${timeZone})`, 18, (r) => local(r.start_at)),
      col(`结束 End (${timeZone})`, 18, (r) => local(r.end_at)),
      col('志愿者编号 Volunteer code', 16, (r) => r.volunteer_code),
      col('姓名 Name', 12, (r) => r.volunteer_name),
      col('活动 Activity', 30, (r) => r.activity_title),
      col('时长 Hours', 10, (r) => minutesToHours(r.minutes)),
      col('来源 Source', 14, (r) => r.source),
      col('状态 Status', 12, (r) => r.status),
      col('服务内容 Content', 30, (r) => r.content),
      col('记录编号 Record', 38, (r) => r.id),
    ],
  };
}

type Flow = Pick<
  StatsOverview,
  'sessions' | 'participations' | 'peopleServed' | 'hours' | 'pointsIssued' | 'pointsRedeemed'
>;

function flowColumns<R extends Flow>(): Column<R>[] {
  return [
    col('服务场次 Sessions', 12, (f) => f.sessions),
    col('服务人次 Participations', 14, (f) => f.participations),
    col('服务对象人次 People served', 16, (f) => f.peopleServed),
    col('服务时长(小时) Hours', 14, (f) => f.hours),
    col('发放积分 Points issued', 14, (f) => f.pointsIssued),
    col('兑换积分 Points redeemed', 14, (f) => f.pointsRedeemed),
  ];
}

type RegionLine = StatsOverview['atRegionItself'] & { label: string };

/**
 * The statistics page's tables: the figures, the child regions with the row of the region itself
 * and the total, the months and the service fields, from the same overview the page shows.
 */
export function statsSheets(s: StatsOverview, fields: Map<string, { zh: string; en: string }>): AnySheet[] {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const figures: [string, string | number][] = [
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
  ];
  const regions: RegionLine[] = [
    ...s.byRegion.map((r) => ({ ...r, label: r.name })),
    { ...s.atRegionItself, label: `${s.regionName}本级 (itself)` },
    {
      ...s.atRegionItself,
      ...s,
      regionCode: s.regionCode,
      name: s.regionName,
      teams: sum(s.teamsByLevel),
      sites: sum(s.sitesByType),
      label: '合计 Total',
    },
  ];
  const fieldName = (code: string) => {
    const f = fields.get(code);
    return f ? `${f.zh} ${f.en}` : code;
  };
  return [
    {
      name: '概览 Overview',
      rows: figures,
      columns: [col<(typeof figures)[number]>('指标 Figure', 30, (f) => f[0]), col('数值 Value', 16, (f) => f[1])],
    } satisfies Sheet<(typeof figures)[number]>,
    {
      name: '按地区 By region',
      rows: regions,
      columns: [
        col<RegionLine>('地区 Region', 22, (r) => r.label),
        col<RegionLine>('代码 Code', 12, (r) => r.regionCode),
        col<RegionLine>('注册志愿者 Volunteers', 14, (r) => r.volunteers),
        col<RegionLine>('活跃志愿者 Active', 12, (r) => r.activeVolunteers),
        col<RegionLine>('服务队 Teams', 10, (r) => r.teams),
        col<RegionLine>('阵地 Sites', 10, (r) => r.sites),
        ...flowColumns<RegionLine>(),
      ],
    } satisfies Sheet<RegionLine>,
    {
      name: '按月 By month',
      rows: s.byMonth,
      columns: [
        col<StatsOverview['byMonth'][number]>('月份 Month', 10, (m) => m.month),
        col<StatsOverview['byMonth'][number]>('新注册 New volunteers', 14, (m) => m.newVolunteers),
        ...flowColumns<StatsOverview['byMonth'][number]>(),
      ],
    } satisfies Sheet<StatsOverview['byMonth'][number]>,
    {
      name: '按领域 By field',
      rows: s.byField,
      columns: [
        col<StatsOverview['byField'][number]>('服务领域 Field', 28, (f) => fieldName(f.field)),
        ...flowColumns<StatsOverview['byField'][number]>(),
      ],
    } satisfies Sheet<StatsOverview['byField'][number]>,
  ];
}

/** Integer fen as yuan, a number with two decimals at most (the spreadsheet formats it). */
const yuan = (fen: number) => fen / 100;

/** The departments' plans of a year, one row each: the statistics page's plans table. */
export function plansSheet(year: number, rows: readonly PlanOverviewRow[]): Sheet<PlanOverviewRow> {
  return {
    name: `专项实施方案 Plans ${year}`,
    rows,
    columns: [
      col<PlanOverviewRow>('部门 Department', 24, (r) => r.departmentName),
      col<PlanOverviewRow>('方案 Plans', 8, (r) => r.plans),
      col<PlanOverviewRow>('重点任务 Key tasks', 12, (r) => r.tasks),
      col<PlanOverviewRow>('已完成 Done', 10, (r) => r.done),
      col<PlanOverviewRow>('逾期 Overdue', 10, (r) => r.overdue),
      col<PlanOverviewRow>('进度(%) Progress (%)', 14, (r) => percentOf(r.progress)),
      col<PlanOverviewRow>('预算(元) Budget (yuan)', 16, (r) => yuan(r.budget)),
      col<PlanOverviewRow>('已支出(元) Spent (yuan)', 16, (r) => yuan(r.spent)),
    ],
  };
}

type Line = [string, string | number];

/** A sheet of labelled figures: a label column and a value column. */
const figureSheet = (name: string, label: string, value: string, rows: Line[]): Sheet<Line> => ({
  name,
  rows,
  columns: [col<Line>(label, 30, (l) => l[0]), col<Line>(value, 16, (l) => l[1])],
});

/**
 * The reports' statistics (随手拍) as the statistics page and the reports console show them: the
 * window and handling times, then the counts by status, by category and by child region.
 */
export function reportStatsSheets(s: ReportStats): AnySheet[] {
  const both = (zh: string, en: string) => `${zh} ${en}`;
  const hours = (h: number | null) => h ?? '';
  return [
    figureSheet('随手拍 Reports', '指标 Figure', '数值 Value', [
      ['地区 Region', s.regionCode ? `${s.regionName} (${s.regionCode})` : '全部 all'],
      ['起 From (UTC)', s.from ?? '全部 all'],
      ['止 To (UTC, exclusive)', s.to ?? '全部 all'],
      ['随手拍 Reports', s.total],
      ['已答复 Answered', s.handling.closed],
      ['平均办理时长(小时) Average hours to answer', hours(s.handling.averageHours)],
      ['办理时长中位数(小时) Median hours to answer', hours(s.handling.medianHours)],
    ]),
    figureSheet(
      '按状态 By status',
      '状态 Status',
      '数量 Count',
      s.byStatus.map((r) => [both(reportStatusName(r.key, 'zh-CN'), reportStatusName(r.key, 'en')), r.count]),
    ),
    figureSheet(
      '按类别 By category',
      '类别 Category',
      '数量 Count',
      s.byCategory.map((r) => [both(reportCategoryName(r.key, 'zh-CN'), reportCategoryName(r.key, 'en')), r.count]),
    ),
    figureSheet(
      '按地区 By region',
      '地区 Region',
      '数量 Count',
      s.byRegion.map((r) => [`${r.name} (${r.code})`, r.count]),
    ),
  ];
}

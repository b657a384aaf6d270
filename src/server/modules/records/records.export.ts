import type { RecordExportQuery } from '../../../common/contract/records.js';
import { minutesToHours } from '../../../common/settings.js';
import { wallTime } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { streamedWorkbook, type XlsxFile } from '../../platform/xlsx.js';
import { requireOrganiserOf } from './records.access.js';
import * as repo from './records.repository.js';

/** Rows fetched per query while streaming, so a year of records never sits in memory. */
const BATCH = 500;

/**
 * An organisation's records as .xlsx, filtered as its records page is: one row per record,
 * times in the platform's zone, the volunteer named as that page names them. Organisers of
 * the organisation only; each export is audited with its filters (never a name typed in them).
 */
export async function recordsXlsx(db: Db, actor: Actor, q: RecordExportQuery): Promise<XlsxFile> {
  await requireOrganiserOf(db, actor, q.organisationId, 'Organisation');
  const { timeZone } = await getSettings(db);
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'record.export',
    entityType: 'organisation',
    entityId: q.organisationId,
    details: {
      status: q.status ?? null,
      activityId: q.activityId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      byVolunteer: q.volunteer !== undefined,
    },
  });
  const filter: repo.RecordFilter = {
    organisationUnder: q.organisationId,
    status: q.status,
    activityId: q.activityId,
    from: q.from,
    to: q.to,
    volunteer: q.volunteer,
  };
  const local = (at: string) => wallTime(at, timeZone).replace('T', ' ');
  const stream = streamedWorkbook(async (wb) => {
    const ws = wb.addWorksheet('服务记录 Records');
    ws.columns = [
      { header: '服务日期 Date', key: 'date', width: 12 },
      { header: `开始 Start (${timeZone})`, key: 'start', width: 18 },
      { header: `结束 End (${timeZone})`, key: 'end', width: 18 },
      { header: '志愿者编号 Volunteer code', key: 'code', width: 16 },
      { header: '姓名 Name', key: 'name', width: 12 },
      { header: '活动 Activity', key: 'activity', width: 30 },
      { header: '时长 Hours', key: 'hours', width: 10 },
      { header: '来源 Source', key: 'source', width: 14 },
      { header: '状态 Status', key: 'status', width: 12 },
      { header: '服务内容 Content', key: 'content', width: 30 },
      { header: '记录编号 Record', key: 'id', width: 38 },
    ];
    let before: string | undefined;
    for (;;) {
      const rows = await repo.listRecords(db, filter, before, BATCH);
      for (const r of rows) {
        ws.addRow({
          date: r.service_date,
          start: local(r.start_at),
          end: local(r.end_at),
          code: r.volunteer_code,
          name: r.volunteer_name,
          activity: r.activity_title,
          hours: minutesToHours(r.minutes),
          source: r.source,
          status: r.status,
          content: r.content,
          id: r.id,
        }).commit();
      }
      if (rows.length < BATCH) break;
      before = rows[rows.length - 1]?.id;
    }
    ws.commit();
  });
  return { stream, filename: `records-${q.from ?? 'start'}_${q.to ?? 'now'}.xlsx` };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { REPORT_CATEGORIES, REPORT_OUTCOMES, REPORT_STATUSES } from '../../../common/contract/reports.js';
import {
  answerReport,
  getReport,
  listReports,
  reportKeys,
  routeReport,
  uploadReportPhoto,
  type Report,
  type ReportAnswer,
  type ReportQuery,
} from '../../api/reports.api.js';
import { useFormat } from '../../components/format.js';
import { PhotoPicker } from '../../components/photo-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CursorTable } from '../admin/cursor-table.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { ReportDetails, ReportStatus, ReportTimeline } from './report-parts.js';
import { ReportStatsSection } from './report-stats-section.js';
import './reports.css';

type Filters = Pick<ReportQuery, 'status' | 'category'>;

/**
 * 随手拍 in the consoles: the reports in the person's scope (their regions', or those routed to
 * their organisation), newest first; one opened shows its timeline and, as it stands, the
 * organisation's answer or the region admin's routing by hand.
 */
export function ReportsConsolePage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.console.title'));
  const f = useFormat();
  // A link may open the list filtered by status (the workbench's "to route": ?status=unrouted).
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => {
    const status = REPORT_STATUSES.find((s) => s === params.get('status'));
    return status ? { status } : {};
  });
  const [picked, setPicked] = useState<string | null>(null);
  const pages = useCursorPages(reportKeys.list(filters), (cursor) => listReports(filters, cursor));
  return (
    <section aria-labelledby="reports-console-title" className="admin-panel wide reports-console">
      <h1 id="reports-console-title">{t('reports.console.title')}</h1>
      <p>{t('reports.console.lead')}</p>
      <Form<Filters>
        layout="inline"
        name="reports-filter"
        initialValues={filters}
        onFinish={(v) =>
          setFilters({ ...(v.status ? { status: v.status } : {}), ...(v.category ? { category: v.category } : {}) })
        }
        aria-label={t('reports.console.filter')}
      >
        <Form.Item name="status" label={t('reports.fields.status')}>
          <Select
            allowClear
            style={{ minWidth: 140 }}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('reports.fields.category')}>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            options={REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`reports.category.${c}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="reports-filter-apply">
          {t('reports.console.apply')}
        </Button>
      </Form>
      <CursorTable<Report>
        pages={pages}
        empty={t('reports.console.none')}
        onRow={(r) =>
          ({ 'data-testid': 'console-report', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('reports.fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => f.dateTime(at) },
          {
            title: t('reports.fields.category'),
            dataIndex: 'category',
            render: (c: Report['category']) => t(`reports.category.${c}`),
          },
          {
            title: t('reports.fields.text'),
            dataIndex: 'text',
            render: (text: string) => <span className="report-text">{text}</span>,
          },
          { title: t('reports.fields.region'), dataIndex: 'regionName' },
          {
            title: t('reports.fields.status'),
            key: 'status',
            render: (_: unknown, r: Report) => <ReportStatus report={r} />,
          },
          {
            title: t('reports.fields.organisation'),
            dataIndex: 'organisationName',
            render: (o: string | null) => o ?? '—',
          },
          {
            title: t('reports.console.actions'),
            key: 'actions',
            render: (_: unknown, r: Report) => (
              <Button
                size="small"
                type={picked === r.id ? 'primary' : 'default'}
                aria-pressed={picked === r.id}
                aria-label={t('reports.console.openOne', {
                  category: t(`reports.category.${r.category}`),
                  at: f.dateTime(r.createdAt),
                })}
                onClick={() => setPicked(picked === r.id ? null : r.id)}
                data-testid="console-report-open"
              >
                {t('reports.console.open')}
              </Button>
            ),
          },
        ]}
      />
      {picked && <ReportPanel key={picked} id={picked} onClose={() => setPicked(null)} />}
      <ReportStatsSection />
    </section>
  );
}

/** One step on a report: on success the report and every list are read again. */
function useReportStep<A>(step: (arg: A) => Promise<Report>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (report) => {
      client.setQueryData(reportKeys.one(report.id), report);
      void client.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

function ReportPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const q = useQuery({ queryKey: reportKeys.one(id), queryFn: () => getReport(id) });
  useEffect(() => heading.current?.focus(), []);
  const report = q.data;
  return (
    <section className="admin-panel report-panel" aria-labelledby="report-panel-title" data-testid="report-panel">
      <h2 id="report-panel-title" ref={heading} tabIndex={-1}>
        {report ? t(`reports.category.${report.category}`) : t('reports.console.panel')}
      </h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {report && (
        <>
          <ReportDetails report={report} />
          {report.canAnswer && <AnswerStep report={report} />}
          {report.canRoute && <RouteStep report={report} />}
          <h3>{t('reports.timeline')}</h3>
          <ReportTimeline report={report} />
        </>
      )}
      <Button onClick={onClose}>{t('reports.console.close')}</Button>
    </section>
  );
}

interface AnswerValues {
  outcome: ReportAnswer['outcome'];
  note: string;
  organisationId?: string;
}

function AnswerStep({ report }: { report: Report }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerValues>();
  const outcome = Form.useWatch('outcome', form);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const answer = useReportStep((v: AnswerValues) =>
    answerReport(report.id, {
      outcome: v.outcome,
      note: v.note,
      ...(photoIds.length ? { photoIds } : {}),
      ...(v.outcome === 'forwarded' && v.organisationId ? { organisationId: v.organisationId } : {}),
    }),
  );
  return (
    <div className="report-step">
      <h3>{t('reports.answer.title')}</h3>
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        name="report-answer"
        initialValues={{ outcome: 'handled', note: '' }}
        onFinish={(v) => answer.mutate(v)}
      >
        <Form.Item name="outcome" label={t('reports.answer.outcome')} rules={[{ required: true }]}>
          <Select
            options={REPORT_OUTCOMES.map((o) => ({ value: o, label: t(`reports.outcome.${o}`) }))}
            data-testid="report-answer-outcome"
          />
        </Form.Item>
        {outcome === 'forwarded' && (
          <Form.Item
            name="organisationId"
            label={t('reports.answer.forwardTo')}
            rules={[{ required: true, message: t('errors.reasons.report_forward_target') }]}
          >
            <OrganisationSelect />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('reports.answer.note')}
          extra={t('reports.answer.noteHint')}
          rules={[{ required: true, whitespace: true, message: t('reports.answer.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="report-answer-note" />
        </Form.Item>
        <PhotoPicker
          label={t('reports.answerPhotos')}
          upload={uploadReportPhoto}
          onChange={setPhotoIds}
          onBusy={setUploading}
          testId="report-answer-photo"
        />
        {answer.isError && <ErrorNotice error={answer.error} />}
        <Button
          type="primary"
          htmlType="submit"
          loading={answer.isPending}
          disabled={uploading}
          data-testid="report-answer-submit"
        >
          {t('reports.answer.submit')}
        </Button>
      </Form>
    </div>
  );
}

function RouteStep({ report }: { report: Report }) {
  const { t } = useTranslation();
  const route = useReportStep((organisationId: string) => routeReport(report.id, organisationId));
  return (
    <div className="report-step">
      <h3>{t('reports.route.title')}</h3>
      <p>{t('reports.route.lead')}</p>
      <Form<{ organisationId: string }>
        layout="vertical"
        name="report-route"
        onFinish={(v) => route.mutate(v.organisationId)}
      >
        <Form.Item
          name="organisationId"
          label={t('reports.fields.organisation')}
          rules={[{ required: true, message: t('reports.route.required') }]}
        >
          <OrganisationSelect />
        </Form.Item>
        {route.isError && <ErrorNotice error={route.error} />}
        <Button type="primary" htmlType="submit" loading={route.isPending} data-testid="report-route-submit">
          {t('reports.route.submit')}
        </Button>
      </Form>
    </div>
  );
}

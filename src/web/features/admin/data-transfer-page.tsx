import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Progress, Radio, Select, Table } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_KINDS } from '../../../common/contract/imports.js';
import {
  exportUrl,
  importKeys,
  myImports,
  readImport,
  reportUrl,
  startImport,
  templateUrl,
  type ImportKind,
  type ImportView,
  type TransferFormat,
} from '../../api/imports.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { RegionCascader } from './region-cascader.js';
import { useRegionNames } from './use-region-names.js';
import { useVolunteerScopes } from './volunteer-search.js';
import './admin-lists.css';
import './data-transfer.css';

/** What a region or system admin may export (GET /api/v1/exports/:kind). */
const EXPORT_KINDS = ['volunteers', 'organisations', 'sites', 'records', 'points'] as const;

const FORMATS: TransferFormat[] = ['xlsx', 'csv'];
const ACTIVE = new Set(['queued', 'running']);

/** The links to an import's error report, in both formats. */
function ReportLinks({ imp, lang }: { imp: ImportView; lang: string }) {
  const { t } = useTranslation();
  if (!imp.reportUrl) return null;
  return (
    <span className="transfer-links">
      {FORMATS.map((f) => (
        <a key={f} href={reportUrl(imp.reportUrl as string, f, lang)} download data-testid={`import-report-${f}`}>
          {t('transfer.import.report', { format: f.toUpperCase() })}
        </a>
      ))}
    </span>
  );
}

/** One import as it goes: a progress bar, its counts, why it failed, and its error report. */
function ImportProgress({ id, lang }: { id: string; lang: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: importKeys.one(id, lang),
    queryFn: async () => {
      const imp = await readImport(id, lang);
      // The history shows the end as soon as this does.
      if (!ACTIVE.has(imp.status)) void client.invalidateQueries({ queryKey: importKeys.mine(lang) });
      return imp;
    },
    refetchInterval: (query) => (query.state.data && !ACTIVE.has(query.state.data.status) ? false : 1000),
  });
  if (q.isError) return <ErrorNotice error={q.error} />;
  const imp = q.data;
  if (!imp) return null;
  const percent = imp.progress === null ? undefined : Math.round(imp.progress * 100);
  const status = imp.status === 'failed' ? 'exception' : imp.status === 'done' ? 'success' : 'active';
  return (
    <section className="transfer-result" aria-labelledby="import-result-title" data-testid="import-result">
      <h3 id="import-result-title">{t('transfer.import.resultTitle')}</h3>
      <p role="status" data-testid="import-status">
        {t(`transfer.import.status.${imp.status}`)}
      </p>
      <Progress
        percent={percent ?? (imp.status === 'done' ? 100 : 0)}
        status={status}
        aria-label={t('transfer.import.progress')}
        showInfo={percent !== undefined}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('transfer.import.done')}>
          <span data-testid="import-done">{imp.done}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('transfer.import.accepted')}>
          <span data-testid="import-accepted">{imp.accepted}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('transfer.import.rejected')}>
          <span data-testid="import-rejected">{imp.rejected}</span>
        </Descriptions.Item>
      </Descriptions>
      {imp.allOrNothing && imp.status === 'done' && imp.rejected > 0 && (
        <Alert type="warning" showIcon title={t('transfer.import.nothingWritten')} />
      )}
      {imp.failure && <Alert type="error" showIcon title={imp.failure.message} />}
      <ReportLinks imp={imp} lang={lang} />
    </section>
  );
}

/** The admin's latest imports. */
function ImportHistory({ lang, allowed }: { lang: string; allowed: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: importKeys.mine(lang), queryFn: () => myImports(lang), enabled: allowed });
  if (q.isError) return <ErrorNotice error={q.error} />;
  return (
    <Table<ImportView>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      scroll={{ x: 'max-content' }}
      dataSource={q.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: <span className="admin-empty">{t('transfer.import.noHistory')}</span> }}
      columns={[
        { title: t('transfer.import.startedAt'), dataIndex: 'createdAt', render: (at: string) => f.dateTime(at) },
        { title: t('transfer.kind'), dataIndex: 'kind', render: (k: string) => t(`transfer.kinds.${k}`) },
        {
          title: t('transfer.import.state'),
          dataIndex: 'status',
          render: (s: string) => t(`transfer.import.status.${s}`),
        },
        { title: t('transfer.import.accepted'), dataIndex: 'accepted' },
        { title: t('transfer.import.rejected'), dataIndex: 'rejected' },
        {
          title: t('transfer.import.reportColumn'),
          key: 'report',
          render: (_: unknown, imp: ImportView) => <ReportLinks imp={imp} lang={lang} />,
        },
      ]}
    />
  );
}

/** Upload a spreadsheet: its kind, the template, all-or-nothing, the file; then follow it. */
function ImportForm({ lang, onStarted }: { lang: string; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const kindId = useId();
  const fileId = useId();
  const hintId = useId();
  const [kind, setKind] = useState<ImportKind>('volunteers');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const client = useQueryClient();

  const submit = async () => {
    if (!file) return setMissing(true);
    setError(null);
    setSent(0);
    try {
      const created = await startImport({ kind, allOrNothing, file }, setSent);
      onStarted(created.id);
      void client.invalidateQueries({ queryKey: importKeys.mine(lang) });
    } catch (err) {
      setError(err);
    } finally {
      setSent(null);
    }
  };

  return (
    <form
      className="transfer-form"
      aria-label={t('transfer.import.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="filter-item">
        <label htmlFor={kindId}>{t('transfer.kind')}</label>
        <Select<ImportKind>
          id={kindId}
          style={{ minWidth: 180 }}
          value={kind}
          onChange={setKind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`transfer.kinds.${k}`) }))}
        />
        <span className="transfer-links">
          {FORMATS.map((f) => (
            <a key={f} href={templateUrl(kind, f)} download data-testid={`template-${f}`}>
              {t('transfer.import.template', { format: f.toUpperCase() })}
            </a>
          ))}
        </span>
      </div>
      <div className="filter-item">
        {/* The browser's own file button speaks the browser's language: this label is the button. */}
        <input
          id={fileId}
          className="file-input"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={hintId}
          aria-invalid={missing || undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        <label htmlFor={fileId} className="file-button">
          {t('transfer.import.file')}
        </label>
        <span className="file-name" data-testid="import-file-name">
          {file ? file.name : t('transfer.import.noFile')}
        </span>
      </div>
      <p id={hintId} className="filter-hint">
        {missing ? t('transfer.import.chooseFile') : t('transfer.import.fileHint')}
      </p>
      {kind === 'records' && <p className="filter-hint">{t('transfer.import.recordsHint')}</p>}
      <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)}>
        {t('transfer.import.allOrNothing')}
      </Checkbox>
      <p className="filter-hint">
        {allOrNothing ? t('transfer.import.allOrNothingHint') : t('transfer.import.goodRowsHint')}
      </p>
      <Button type="primary" htmlType="submit" loading={sent !== null} data-testid="import-start">
        {t('transfer.import.start')}
      </Button>
      {sent !== null && (
        <Progress
          percent={Math.round(sent * 100)}
          status="active"
          aria-label={t('transfer.import.uploading')}
          data-testid="import-upload"
        />
      )}
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}

/** Download what the admin's scope holds, as .xlsx or .csv. */
function ExportForm({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const { system, regions } = useVolunteerScopes();
  const regionName = useRegionNames(regions);
  const kindId = useId();
  const regionId = useId();
  const [kind, setKind] = useState<(typeof EXPORT_KINDS)[number]>('volunteers');
  const [format, setFormat] = useState<TransferFormat>('xlsx');
  const [path, setPath] = useState<string[]>([]);
  const [region, setRegion] = useState<string | undefined>(regions[0]);
  const regionCode = system ? path[path.length - 1] : (region ?? regions[0]);
  return (
    <div className="transfer-form" role="group" aria-label={t('transfer.export.title')}>
      <div className="filter-item">
        <label htmlFor={kindId}>{t('transfer.kind')}</label>
        <Select
          id={kindId}
          style={{ minWidth: 180 }}
          value={kind}
          onChange={setKind}
          options={EXPORT_KINDS.map((k) => ({ value: k, label: t(`transfer.kinds.${k}`) }))}
        />
      </div>
      <div className="filter-item">
        <label htmlFor={regionId}>{t('admin.region')}</label>
        {system ? (
          <RegionCascader id={regionId} value={path} onChange={setPath} />
        ) : (
          <Select<string>
            id={regionId}
            style={{ minWidth: 160 }}
            value={regionCode}
            onChange={setRegion}
            options={regions.map((c) => ({ value: c, label: regionName(c) }))}
          />
        )}
      </div>
      <Radio.Group
        value={format}
        onChange={(e) => setFormat(e.target.value as TransferFormat)}
        aria-label={t('transfer.format')}
        options={FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
      />
      <p className="filter-hint">{t('transfer.export.hint')}</p>
      <Button type="primary" href={exportUrl(kind, format, regionCode, lang)} download data-testid="export-download">
        {t('transfer.export.download')}
      </Button>
    </div>
  );
}

/**
 * 导入导出: a region or system admin brings spreadsheets in (volunteers, and the kinds the
 * importer reads), follows each import to its end with its error report, and takes lists out.
 * The import being followed is in the address (?import=), so a reload keeps following it.
 */
export function DataTransferPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('transfer.title'));
  const { allowed } = useVolunteerScopes();
  const [params, setParams] = useSearchParams();
  const following = params.get('import');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <section aria-labelledby="transfer-title" className="admin-panel wide">
      <h1 id="transfer-title">{t('transfer.title')}</h1>
      <p>{t('transfer.lead')}</p>
      {!allowed ? (
        <Alert type="info" showIcon title={t('transfer.onlyAdmins')} />
      ) : (
        <>
          <h2>{t('transfer.import.title')}</h2>
          <ImportForm lang={lang} onStarted={(id) => setParams({ import: id })} />
          {following && <ImportProgress id={following} lang={lang} />}
          <h2>{t('transfer.import.history')}</h2>
          <ImportHistory lang={lang} allowed={allowed} />
          <h2>{t('transfer.export.title')}</h2>
          <ExportForm lang={lang} />
        </>
      )}
    </section>
  );
}

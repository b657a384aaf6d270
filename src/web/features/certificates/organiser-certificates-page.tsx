import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  certificateKeys,
  certificatePdfUrl,
  issueCertificate,
  listCertificates,
  organisationsOffered,
  type CertificateSummary,
  type Issued,
} from '../../api/certificates.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { EmptyText } from '../organiser/empty-text.js';
import { useCurrentOrganisation } from '../organiser/use-organisation.js';
import { useMemberPeople, VolunteerPicker } from '../organiser/volunteer-picker.js';

/** Certificates (志愿服务证明) in the organiser console: issue one for a volunteer, and those the organisation issued. */
export function OrganiserCertificatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('certificates.organiserTitle'));
  const [org] = useCurrentOrganisation();
  return (
    <section aria-labelledby="certificates-title">
      <h1 id="certificates-title">{t('certificates.organiserTitle')}</h1>
      {!org ? (
        <Alert type="info" title={t('organiser.pickOrg')} />
      ) : (
        <>
          <IssueForVolunteer org={org} />
          <IssuedTable org={org} />
        </>
      )}
    </section>
  );
}

interface Values {
  volunteerId?: string;
  from: string;
  to: string;
  organisationId?: string;
}

function IssueForVolunteer({ org }: { org: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = f.dayOf(Date.now());
  const people = useMemberPeople(org);
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Issued | null>(null);
  // The organisation that recorded the service issues it; when several under this one did, the refusal offers them.
  const [offered, setOffered] = useState<{ id: string; name: string }[]>([]);
  const issue = useMutation({
    mutationFn: (v: Values) =>
      issueCertificate({ volunteerId: v.volunteerId ?? '', from: v.from, to: v.to, organisationId: v.organisationId }),
    onSuccess: (c) => {
      setDone(c);
      void client.invalidateQueries({ queryKey: ['certificates'] });
    },
    onError: (e) => setOffered(organisationsOffered(e)),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="issue-certificate"
      initialValues={{ from: `${today.slice(0, 4)}-01-01`, to: today }}
      onFinish={(v) => {
        setDone(null);
        issue.mutate(v);
      }}
      aria-labelledby="issue-for-title"
      className="narrow-panel"
    >
      <h2 id="issue-for-title">{t('certificates.issueFor')}</h2>
      {issue.isError && <Alert type="error" role="alert" title={errorText(issue.error, t)} />}
      <div role="status">
        {done && (
          <Alert
            type="success"
            title={
              <>
                {t('certificates.issued', { serial: done.serial })}{' '}
                <a href={certificatePdfUrl(done.code)} download>
                  {t('certificates.download')}
                </a>
              </>
            }
          />
        )}
      </div>
      <Form.Item
        name="volunteerId"
        label={t('certificates.volunteer')}
        rules={[{ required: true, message: t('certificates.volunteerRequired') }]}
      >
        <VolunteerPicker groups={[{ label: t('organiser.members.title'), people }]} />
      </Form.Item>
      <Form.Item name="from" label={t('certificates.from')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="to" label={t('certificates.to')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      {offered.length > 0 && (
        <Form.Item
          name="organisationId"
          label={t('certificates.organisation')}
          extra={t('certificates.organisationHint')}
          rules={[{ required: true, message: t('certificates.pickOrganisation') }]}
        >
          <Select options={offered.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={issue.isPending}>
        {t('certificates.issueButton')}
      </Button>
    </Form>
  );
}

function IssuedTable({ org }: { org: string }) {
  const { t } = useTranslation();
  const q = useCursorPages(certificateKeys.issuedBy(org), (cursor) =>
    listCertificates({ organisationId: org, cursor }),
  );
  return (
    <>
      <h2>{t('certificates.issuedList')}</h2>
      <Table<CertificateSummary>
        rowKey="code"
        size="small"
        loading={q.isFetching}
        dataSource={q.rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('certificates.none')}</EmptyText> }}
        columns={[
          { title: t('certificates.serialLabel'), dataIndex: 'serial' },
          { title: t('certificates.volunteer'), dataIndex: 'volunteerName' },
          { title: t('me.volunteerCode'), dataIndex: 'volunteerCode' },
          {
            title: t('certificates.periodLabel'),
            key: 'period',
            render: (_: unknown, c: CertificateSummary) => t('certificates.period', { from: c.from, to: c.to }),
          },
          { title: t('certificates.total'), dataIndex: 'totalHours' },
          { title: t('certificates.issuedOnLabel'), dataIndex: 'issuedOn' },
          { title: t('certificates.issuer'), dataIndex: 'issuerName' },
          {
            title: t('certificates.pdf'),
            key: 'pdf',
            render: (_: unknown, c: CertificateSummary) => (
              <a
                href={certificatePdfUrl(c.code)}
                download
                aria-label={t('certificates.downloadOf', { serial: c.serial })}
              >
                {t('certificates.download')}
              </a>
            ),
          },
        ]}
      />
      {q.hasNextPage && (
        <Button className="admin-row" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('activities.loadMore')}
        </Button>
      )}
    </>
  );
}

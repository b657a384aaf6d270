import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  activityKeys,
  cancelActivity,
  getActivity,
  insuredListUrl,
  publishActivity,
} from '../../api/activities.api.js';
import { ApiError } from '../../api/http-client.js';
import { insuranceKeys } from '../../api/insurance.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ActivityEditDrawer } from './activity-edit-drawer.js';
import { InsurancePanel } from './insurance-panel.js';
import { PeopleServed } from './people-served.js';
import { useProjectName } from './project-picker.js';
import { ShiftEditForm } from './shift-edit-form.js';
import { ShiftSignups } from './shift-signups.js';

/** One of my activities: publish or cancel it, and each shift's sign-ups with the way to its check-in desk. */
export function OrganiserActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const f = useFormat();
  const fieldName = useFieldName();
  const { message } = App.useApp();
  const client = useQueryClient();
  const reasonId = useId();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; insurance: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: activityKeys.one(id), queryFn: () => getActivity(id) });
  usePageTitle(q.data?.title ?? t('organiser.activities.title'));
  const projectName = useProjectName(q.data?.projectId ?? null);
  const done = () => {
    void client.invalidateQueries({ queryKey: activityKeys.one(id) });
    void client.invalidateQueries({ queryKey: activityKeys.organiser });
  };
  const failed = (err: unknown) => void message.error(errorText(err, t));
  const publish = useMutation({
    mutationFn: () => publishActivity(id),
    onSuccess: () => {
      setRefusal(null);
      done();
      void message.success(t('organiser.activity.published'));
    },
    // Said beside the button, with the server's reason (which shift no policy covers, in local time).
    onError: (err) => {
      setRefusal({
        text: errorText(err, t, { timeZone: f.timeZone }),
        insurance: err instanceof ApiError && err.code === 'INSURANCE_REQUIRED',
      });
      void client.invalidateQueries({ queryKey: insuranceKeys.ofActivity(id) });
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelActivity(id, reason.trim()),
    onSuccess: () => {
      setCancelling(false);
      done();
    },
    onError: failed,
  });
  if (q.isPending) return <p className="status">{t('common.loading')}</p>;
  if (q.isError) return <Alert type="error" title={t('errors.NOT_FOUND')} />;
  const a = q.data;
  return (
    <section aria-labelledby="org-activity-title">
      <p>
        <Link to={`/organiser/activities?org=${encodeURIComponent(a.organisationId)}`}>
          {t('organiser.activity.back')}
        </Link>
      </p>
      <h1 id="org-activity-title">{a.title}</h1>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 's',
            label: t('organiser.activities.status'),
            children: <Tag data-testid="activity-status">{t(`activityStatus.${a.status}`)}</Tag>,
          },
          { key: 'f', label: t('activities.field'), children: fieldName(a.field) },
          { key: 'w', label: t('activities.when'), children: f.span(a.firstStart, a.lastEnd) },
          {
            key: 'a',
            label: t('activities.where'),
            children: `${a.address} (${t('organiser.activity.radius', { m: a.radiusM })})`,
          },
          {
            key: 'm',
            label: t('activities.signupMode'),
            children: a.requiresApproval ? t('activities.needsApproval') : t('activities.firstCome'),
          },
          { key: 'p', label: t('organiser.form.project'), children: projectName ?? t('organiser.form.noProject') },
          {
            key: 'r',
            label: t('organiser.form.risky'),
            children: a.risky ? t('organiser.activity.riskyYes') : t('organiser.activity.riskyNo'),
          },
        ]}
      />
      {a.cancelReason && <Alert type="warning" title={t('activities.cancelledBecause', { reason: a.cancelReason })} />}
      <Space wrap className="admin-row">
        {a.status !== 'cancelled' && (
          <Button onClick={() => setEditing(true)} data-testid="activity-edit">
            {t('organiser.edit.open')}
          </Button>
        )}
        {a.status === 'draft' && (
          <Popconfirm
            title={t('organiser.activity.publishAsk')}
            description={t('organiser.activity.publishWhat')}
            okText={t('organiser.activity.publishConfirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => publish.mutate()}
          >
            <Button type="primary" loading={publish.isPending} data-testid="publish-button">
              {t('organiser.activity.publish')}
            </Button>
          </Popconfirm>
        )}
        {a.status !== 'cancelled' && a.status !== 'finished' && (
          <Button danger onClick={() => setCancelling(true)}>
            {t('organiser.activity.cancel')}
          </Button>
        )}
        <Link to={`/activities/${a.id}`}>{t('organiser.activity.public')}</Link>
      </Space>
      {refusal && a.status === 'draft' && (
        <Alert
          type="error"
          role="alert"
          title={refusal.text}
          description={refusal.insurance && <a href="#insurance">{t('organiser.insurance.goAdd')}</a>}
          data-testid="publish-refusal"
        />
      )}
      {editing && <ActivityEditDrawer activity={a} onClose={() => setEditing(false)} />}
      <Modal
        open={cancelling}
        title={t('organiser.activity.cancelTitle')}
        okText={t('organiser.activity.cancelConfirm')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => cancel.mutate()}
        onCancel={() => setCancelling(false)}
      >
        <label htmlFor={reasonId}>{t('organiser.activity.cancelReason')}</label>
        <Input.TextArea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Modal>
      {a.status !== 'cancelled' && <InsurancePanel activity={a} />}
      <h2>{t('activities.shifts')}</h2>
      {a.shifts.map((s) => (
        <section key={s.id} className="admin-panel wide org-shift" aria-labelledby={`org-shift-${s.id}`}>
          <h3 id={`org-shift-${s.id}`}>{f.span(s.start, s.end)}</h3>
          <p>
            {t('shift.places', { taken: s.taken, capacity: s.capacity })} ·{' '}
            {t('shift.waitlisted', { count: s.waitlisted })} · {t('organiser.activity.applied', { count: s.applied })}
          </p>
          <Space wrap>
            <Link to={`/organiser/shifts/${s.id}?activity=${a.id}`} data-testid="shift-desk-link">
              {t('organiser.activity.desk')}
            </Link>
            <a href={insuredListUrl(s.id)} download data-testid="insured-list">
              {t('organiser.insurance.download')}
            </a>
          </Space>
          {a.status !== 'cancelled' && s.status !== 'cancelled' && <ShiftEditForm shift={s} activityId={a.id} />}
          {Date.parse(s.start) <= Date.now() && <PeopleServed shift={s} activityId={a.id} />}
          <ShiftSignups shiftId={s.id} activityId={a.id} />
        </section>
      ))}
    </section>
  );
}

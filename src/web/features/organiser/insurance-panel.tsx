import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../../../common/id-numbers.js';
import { shiftCovered } from '../../../common/insurance-cover.js';
import { CreatePolicyBody } from '../../../common/contract/insurance.js';
import type { Activity } from '../../api/activities.api.js';
import { activityPolicies, createPolicy, insuranceKeys, type Policy } from '../../api/insurance.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import { EmptyText } from './empty-text.js';

interface Values {
  cover: 'activity' | 'organisation';
  insurer?: string;
  policyNumber?: string;
  startsOn?: string;
  endsOn?: string;
}

const FIELDS = ['insurer', 'policyNumber', 'startsOn', 'endsOn', 'activityId', 'organisationId'] as const;

/** The first live shift no policy covers, as publishing checks. */
const uncoveredShift = (a: Activity, policies: Policy[]) =>
  a.shifts.filter((s) => s.status !== 'cancelled').find((s) => !shiftCovered(policies, s.start, s.end));

/**
 * The policies covering an activity (its own and its organisation's), whether a risky one is
 * covered, and a form to record another policy on the activity or the whole organisation.
 */
export function InsurancePanel({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const q = useQuery({ queryKey: insuranceKeys.ofActivity(activity.id), queryFn: () => activityPolicies(activity.id) });
  const add = useMutation({
    mutationFn: createPolicy,
    onSuccess: () => {
      setFailure(null);
      setAdded(true);
      form.resetFields();
      void client.invalidateQueries({ queryKey: insuranceKeys.ofActivity(activity.id) });
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS, { activityId: 'cover', organisationId: 'cover' })),
  });
  const onFinish = (v: Values) => {
    const body = {
      ...(v.cover === 'activity' ? { activityId: activity.id } : { organisationId: activity.organisationId }),
      insurer: v.insurer ?? '',
      policyNumber: v.policyNumber ?? '',
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn ?? '',
    };
    const { data, errors } = fieldErrors(CreatePolicyBody, body, t);
    setAdded(false);
    if (!data) return showFieldErrors(form, errors);
    add.mutate(data);
  };
  const items = q.data?.items ?? [];
  const gap = q.data ? uncoveredShift(activity, items) : undefined;
  const firstDay = activity.shifts[0] ? chinaToday(new Date(activity.shifts[0].start)) : undefined;
  const lastDay = chinaToday(new Date(activity.lastEnd));
  return (
    <section className="admin-panel wide" aria-labelledby="insurance-title" id="insurance">
      <h2 id="insurance-title">{t('organiser.insurance.title')}</h2>
      {activity.risky && q.data && (
        <div data-testid="insurance-state">
          {gap ? (
            <Alert
              type="warning"
              title={t('organiser.insurance.uncovered', { day: chinaToday(new Date(gap.start)) })}
            />
          ) : (
            <Alert type="success" title={t('organiser.insurance.covered')} />
          )}
        </div>
      )}
      {!activity.risky && <p>{t('organiser.insurance.notRisky')}</p>}
      <Table<Policy>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={items}
        locale={{ emptyText: <EmptyText>{t('organiser.insurance.none')}</EmptyText> }}
        data-testid="policy-list"
        columns={[
          { key: 'insurer', title: t('organiser.insurance.insurer'), dataIndex: 'insurer' },
          { key: 'number', title: t('organiser.insurance.number'), dataIndex: 'policyNumber' },
          {
            key: 'days',
            title: t('organiser.insurance.days'),
            render: (_, p) => t('organiser.insurance.span', { from: p.startsOn, to: p.endsOn }),
          },
          {
            key: 'covers',
            title: t('organiser.insurance.covers'),
            render: (_, p) =>
              p.activityId ? t('organiser.insurance.thisActivity') : t('organiser.insurance.wholeOrg'),
          },
        ]}
      />
      <h3>{t('organiser.insurance.add')}</h3>
      {failure && <Alert type="error" role="alert" title={failure} />}
      <div role="status">{added && <Alert type="success" title={t('organiser.insurance.added')} />}</div>
      <Form<Values>
        form={form}
        onValuesChange={clearEditedErrors(form)}
        layout="vertical"
        name="policy"
        onFinish={onFinish}
        aria-label={t('organiser.insurance.add')}
        initialValues={{ cover: 'activity', startsOn: firstDay, endsOn: lastDay }}
      >
        <Form.Item name="cover" label={t('organiser.insurance.covers')}>
          <Radio.Group
            options={[
              { value: 'activity', label: t('organiser.insurance.thisActivity') },
              { value: 'organisation', label: t('organiser.insurance.wholeOrg') },
            ]}
          />
        </Form.Item>
        <div className="admin-row">
          <Form.Item name="insurer" label={t('organiser.insurance.insurer')} required>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="policyNumber" label={t('organiser.insurance.number')} required>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('organiser.insurance.startsOn')} required>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('organiser.insurance.endsOn')} required>
            <Input type="date" />
          </Form.Item>
        </div>
        <Button htmlType="submit" loading={add.isPending} data-testid="policy-submit">
          {t('organiser.insurance.submit')}
        </Button>
      </Form>
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Popconfirm, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPORT_CATEGORIES } from '../../../common/contract/reports.js';
import {
  deleteRoutingRule,
  reportKeys,
  routingRules,
  setRoutingRule,
  type RoutingRule,
  type RoutingRuleInput,
} from '../../api/reports.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { RegionCascader } from '../admin/region-cascader.js';
import { regionRoots } from '../needs/need-steps.js';
import './reports.css';

interface Values {
  region: string[];
  category: RoutingRuleInput['category'];
  organisationId: string;
}

/**
 * 随手拍分派规则: who handles each category of reports in a region (and below it, unless a rule
 * further down says otherwise). A report no rule covers waits in the region admins' queue.
 */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.rules.title'));
  const f = useFormat();
  const { me } = useSession();
  const roots = regionRoots(me);
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rules = useQuery({ queryKey: reportKeys.rules, queryFn: () => routingRules() });
  const refresh = () => void client.invalidateQueries({ queryKey: reportKeys.rules });
  const save = useMutation({
    mutationFn: (v: Values) =>
      setRoutingRule({ regionCode: v.region.at(-1) ?? '', category: v.category, organisationId: v.organisationId }),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: deleteRoutingRule, onSuccess: refresh });
  return (
    <section aria-labelledby="routing-rules-title" className="admin-panel wide routing-rules">
      <h1 id="routing-rules-title">{t('reports.rules.title')}</h1>
      <p>{t('reports.rules.lead')}</p>
      <Form<Values> form={form} layout="vertical" name="routing-rule" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="region"
          label={t('reports.fields.region')}
          rules={[{ required: true, message: t('reports.rules.regionRequired') }]}
        >
          <RegionCascader roots={roots} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('reports.fields.category')}
          rules={[{ required: true, message: t('reports.post.categoryRequired') }]}
        >
          <Select
            style={{ maxWidth: 240 }}
            options={REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`reports.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('reports.fields.organisation')}
          rules={[{ required: true, message: t('reports.route.required') }]}
        >
          <OrganisationSelect />
        </Form.Item>
        {save.isError && <ErrorNotice error={save.error} />}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="routing-rule-save">
          {t('reports.rules.save')}
        </Button>
      </Form>
      {rules.isError && <ErrorNotice error={rules.error} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        loading={rules.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={rules.data?.items ?? []}
        locale={{ emptyText: t('reports.rules.none') }}
        columns={[
          { title: t('reports.fields.region'), dataIndex: 'regionName' },
          {
            title: t('reports.fields.category'),
            dataIndex: 'category',
            render: (c: RoutingRule['category']) => t(`reports.category.${c}`),
          },
          { title: t('reports.fields.organisation'), dataIndex: 'organisationName' },
          { title: t('reports.rules.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => f.dateTime(at) },
          {
            title: t('reports.console.actions'),
            key: 'actions',
            render: (_: unknown, r: RoutingRule) => (
              <Popconfirm title={t('reports.rules.confirmDelete')} onConfirm={() => remove.mutate(r.id)}>
                <Button
                  size="small"
                  danger
                  aria-label={t('reports.rules.deleteOne', {
                    region: r.regionName,
                    category: t(`reports.category.${r.category}`),
                  })}
                >
                  {t('reports.rules.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, InputNumber, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FIELDS, HONOUR_LEVELS, RECORD_SOURCES, type HonourLevel } from '../../../common/enums.js';
import { PointRuleBody } from '../../../common/contract/points.js';
import { createPointRule, pointKeys, type PointRule } from '../../api/points.api.js';
import { useFieldName } from '../../components/labels.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { RegionCascader } from '../admin/region-cascader.js';

interface Values {
  scopeType: 'region' | 'organisation';
  region?: string[];
  organisationId?: string;
  pointsPerHour?: number;
  pointsPerActivity?: number;
  sources?: string[];
  dailyCap?: number;
  monthlyCap?: number;
  firstService?: number;
  /** Points for a volunteer's honour, by level (region rules only: a volunteer's honour looks to their region). */
  honour?: Partial<Record<HonourLevel, number | null>>;
  /** Points for a handled report (随手拍) to its reporter (region rules only: a report looks to its region). */
  report?: number | null;
  expiryMode: 'end_of_following_year' | 'years';
  years?: number;
  budgetLimited?: boolean;
  multipliers?: { field?: string; factor?: number }[];
}

const FIELDS = ['pointsPerHour', 'pointsPerActivity', 'sources', 'dailyCap', 'monthlyCap'] as const;
const opt = <T,>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/**
 * The rule's bonuses as the API takes them: the first-service bonus, and a region rule's honour
 * bonuses by level and its bonus for a handled report.
 */
function bonusesOf(v: Values) {
  const honour = Object.fromEntries(
    HONOUR_LEVELS.flatMap((l) => {
      const n = v.scopeType === 'region' ? v.honour?.[l] : undefined;
      return n ? [[l, n]] : [];
    }),
  );
  const bonuses = {
    ...(v.firstService ? { firstService: v.firstService } : {}),
    ...(Object.keys(honour).length ? { honour } : {}),
    ...(v.scopeType === 'region' && v.report ? { report: v.report } : {}),
  };
  return Object.keys(bonuses).length ? bonuses : undefined;
}

/** A point rule (积分规则) for a region or a department: rate, sources, caps, multipliers, bonus and expiry. */
export function PointRuleForm({ onCreated }: { onCreated: (r: PointRule) => void }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const [form] = Form.useForm<Values>();
  const scopeType = Form.useWatch('scopeType', form);
  const expiryMode = Form.useWatch('expiryMode', form);
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const scopeField = scopeType === 'organisation' ? 'organisationId' : 'region';
  const create = useMutation({
    mutationFn: createPointRule,
    onSuccess: (r) => {
      setFailure(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: pointKeys.rules });
      onCreated(r);
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS, { scopeId: scopeField })),
  });
  const onFinish = (v: Values) => {
    const scopeId = v.scopeType === 'region' ? v.region?.[v.region.length - 1] : v.organisationId;
    const multipliers = (v.multipliers ?? []).filter((m) => m.field && m.factor !== undefined && m.factor !== null);
    const body = {
      scopeType: v.scopeType,
      scopeId: scopeId ?? '',
      pointsPerHour: v.pointsPerHour,
      sources: v.sources?.length ? v.sources : undefined,
      pointsPerActivity: opt(v.pointsPerActivity),
      dailyCap: opt(v.dailyCap),
      monthlyCap: opt(v.monthlyCap),
      bonuses: bonusesOf(v),
      fieldMultipliers: multipliers.length
        ? Object.fromEntries(multipliers.map((m) => [m.field ?? '', m.factor ?? 1]))
        : undefined,
      expiry: v.expiryMode === 'years' ? { mode: 'years', years: v.years } : { mode: 'end_of_following_year' },
      budgetLimited: v.budgetLimited ?? false,
    };
    const { data, errors } = fieldErrors(PointRuleBody, body, t);
    if (!data) return showFieldErrors(form, errors, { scopeId: scopeField, expiry: 'years' });
    create.mutate(data);
  };
  return (
    <Form
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      name="rule"
      onFinish={onFinish}
      aria-label={t('pointRules.create')}
      initialValues={{ scopeType: 'region', expiryMode: 'end_of_following_year', sources: ['self', 'organiser_scan'] }}
    >
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form.Item name="scopeType" label={t('pointRules.scopeType')}>
        <Radio.Group
          options={[
            { value: 'region', label: t('scopeType.region') },
            { value: 'organisation', label: t('pointRules.department') },
          ]}
        />
      </Form.Item>
      {scopeType !== 'organisation' ? (
        <Form.Item name="region" label={t('scopeType.region')} required>
          <RegionCascader />
        </Form.Item>
      ) : (
        <Form.Item name="organisationId" label={t('pointRules.department')} required>
          <OrganisationSelect />
        </Form.Item>
      )}
      <div className="admin-row">
        <Form.Item name="pointsPerHour" label={t('pointRules.pointsPerHour')} required>
          <InputNumber min={0} step={1} />
        </Form.Item>
        <Form.Item name="pointsPerActivity" label={t('pointRules.pointsPerActivity')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="firstService" label={t('pointRules.firstService')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </div>
      {scopeType !== 'organisation' && (
        <fieldset className="rule-fieldset">
          <legend>{t('pointRules.honourBonus')}</legend>
          <div className="admin-row">
            {HONOUR_LEVELS.map((l) => (
              <Form.Item key={l} name={['honour', l]} label={t(`honours.level.${l}`)}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
          </div>
        </fieldset>
      )}
      {scopeType !== 'organisation' && (
        <Form.Item name="report" label={t('pointRules.reportBonus')} extra={t('pointRules.reportBonusHint')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      )}
      <Form.Item name="sources" label={t('pointRules.sources')} extra={t('pointRules.sourcesHint')}>
        <Checkbox.Group options={RECORD_SOURCES.map((s) => ({ value: s, label: t(`recordSource.${s}`) }))} />
      </Form.Item>
      <div className="admin-row">
        <Form.Item name="dailyCap" label={t('pointRules.dailyCap')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="monthlyCap" label={t('pointRules.monthlyCap')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </div>
      <fieldset className="rule-fieldset">
        <legend>{t('pointRules.multipliers')}</legend>
        <Form.List name="multipliers">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <div key={row.key} className="admin-row">
                  <Form.Item name={[row.name, 'field']} label={t('pointRules.field')}>
                    <Select
                      style={{ minWidth: 160 }}
                      options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'factor']} label={t('pointRules.factor')}>
                    <InputNumber min={0} max={100} step={0.1} />
                  </Form.Item>
                  <Button className="rule-remove" onClick={() => remove(row.name)}>
                    {t('pointRules.removeMultiplier')}
                  </Button>
                </div>
              ))}
              <Button onClick={() => add({ factor: 1.5 })}>{t('pointRules.addMultiplier')}</Button>
            </>
          )}
        </Form.List>
      </fieldset>
      <div className="admin-row">
        <Form.Item name="expiryMode" label={t('pointRules.expiry')}>
          <Radio.Group
            options={[
              { value: 'end_of_following_year', label: t('pointRules.expiryFollowingYear') },
              { value: 'years', label: t('pointRules.expiryYears') },
            ]}
          />
        </Form.Item>
        {expiryMode === 'years' && (
          <Form.Item name="years" label={t('pointRules.years')} required>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        )}
      </div>
      <Form.Item name="budgetLimited" label={t('pointRules.budgetLimited')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="rule-submit">
        {t('pointRules.create')}
      </Button>
    </Form>
  );
}

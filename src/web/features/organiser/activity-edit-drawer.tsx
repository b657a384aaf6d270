import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PatchActivityBody } from '../../../common/contract/activities.js';
import { activityKeys, patchActivity, type Activity, type ActivityPatch } from '../../api/activities.api.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import {
  ACTIVITY_FIELDS,
  contactOf,
  ACTIVITY_RENAME,
  ActivityFields,
  placeOf,
  type ActivityFormValues,
} from './activity-fields.js';

const valuesOf = (a: Activity): ActivityFormValues => ({
  title: a.title,
  field: a.field,
  projectId: a.projectId,
  description: a.description,
  risky: a.risky,
  where: a.siteId ? 'site' : 'location',
  siteId: a.siteId ?? undefined,
  address: a.address,
  lat: a.lat,
  lng: a.lng,
  radiusM: a.radiusM,
  requiresApproval: a.requiresApproval,
  contactName: a.contact?.name ?? undefined,
  contactPhone: a.contact?.phone ?? undefined,
});

/** Only what the organiser changed: the server then names exactly what it refuses. */
function changesOf(a: Activity, v: ActivityFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const wanted: Record<string, unknown> = {
    title: v.title ?? '',
    description: v.description ?? '',
    field: v.field ?? '',
    projectId: v.projectId ?? null,
    risky: !!v.risky,
    requiresApproval: !!v.requiresApproval,
    // an emptied radius is sent as null, so the schema says "a number" beside it
    radiusM: v.radiusM ?? null,
  };
  const current = a as unknown as Record<string, unknown>;
  for (const [k, value] of Object.entries(wanted)) if (value !== current[k]) out[k] = value;
  const contact = contactOf(v);
  if (contact.contactName !== (a.contact?.name ?? null)) out.contactName = contact.contactName;
  if (contact.contactPhone !== (a.contact?.phone ?? null)) out.contactPhone = contact.contactPhone;
  const place = placeOf(v);
  if ('siteId' in place) {
    if (place.siteId !== a.siteId) out.siteId = place.siteId;
  } else {
    const l = place.location;
    if (a.siteId || l.address !== a.address || l.lat !== a.lat || l.lng !== a.lng) out.location = l;
  }
  return out;
}

/**
 * Edits an activity in a drawer. A draft changes anything; a published activity its text,
 * radius, risky and contact (the rest is shown but disabled). The server's refusals land on their field.
 */
export function ActivityEditDrawer({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<ActivityFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: ActivityPatch) => patchActivity(activity.id, body),
    onSuccess: (a) => {
      client.setQueryData(activityKeys.one(a.id), a);
      void client.invalidateQueries({ queryKey: activityKeys.organiser });
      onClose();
    },
    onError: (err) => setFailure(serverError(err, t, form, ACTIVITY_FIELDS, ACTIVITY_RENAME)),
  });
  const onFinish = (v: ActivityFormValues) => {
    const body = changesOf(activity, v);
    if (Object.keys(body).length === 0) return onClose();
    const { data, errors } = fieldErrors(PatchActivityBody, body, t, ['location']);
    if (!data) return showFieldErrors(form, errors, ACTIVITY_RENAME);
    setFailure(null);
    save.mutate(data);
  };
  return (
    <Drawer
      open
      size="large"
      title={t('organiser.edit.title')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="edit-save">
          {t('common.save')}
        </Button>
      }
    >
      {activity.status !== 'draft' && <Alert type="info" title={t('organiser.edit.publishedLead')} />}
      {failure && <Alert type="error" role="alert" title={failure} />}
      <Form<ActivityFormValues>
        form={form}
        onValuesChange={clearEditedErrors(form)}
        layout="vertical"
        name="edit"
        onFinish={onFinish}
        aria-label={t('organiser.edit.title')}
        initialValues={valuesOf(activity)}
      >
        <ActivityFields org={activity.organisationId} locked={activity.status !== 'draft'} />
      </Form>
    </Drawer>
  );
}

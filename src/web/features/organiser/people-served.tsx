import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, InputNumber } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKeys, recordPeopleServed, type Shift } from '../../api/activities.api.js';
import { errorText } from '../../components/error-text.js';

/** Records the people served (服务对象人次) in a session, which the city's statistics count. */
export function PeopleServed({ shift, activityId }: { shift: Shift; activityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const client = useQueryClient();
  const [count, setCount] = useState<number | null>(shift.peopleServed);
  const save = useMutation({
    mutationFn: () => recordPeopleServed(shift.id, count ?? 0),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: activityKeys.one(activityId) });
      void message.success(t('organiser.served.saved'));
    },
    onError: (err) => void message.error(errorText(err, t)),
  });
  return (
    <div className="admin-row people-served">
      <label htmlFor={id}>{t('organiser.served.label')}</label>
      <InputNumber id={id} min={0} max={10_000_000} value={count} onChange={(v) => setCount(v)} />
      <Button onClick={() => save.mutate()} loading={save.isPending} disabled={count === null}>
        {t('common.save')}
      </Button>
    </div>
  );
}

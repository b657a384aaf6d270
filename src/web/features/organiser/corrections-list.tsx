import { EmptyText } from './empty-text.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerCorrection, listCorrections, recordKeys, type Correction } from '../../api/records.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';

/** Volunteers' requests to correct their records, waiting for an answer; accepting replaces the record. */
export function CorrectionsList({ org }: { org: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: recordKeys.corrections(org), queryFn: () => listCorrections(org, 'open') });
  return (
    <List<Correction>
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: <EmptyText>{t('organiser.corrections.none')}</EmptyText> }}
      renderItem={(c) => <CorrectionItem c={c} org={org} />}
    />
  );
}

function CorrectionItem({ c, org }: { c: Correction; org: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [answer, setAnswer] = useState('');
  const inputId = `answer-${c.id}`;
  const send = useMutation({
    mutationFn: (accept: boolean) => answerCorrection(c.id, { accept, answer: answer.trim() }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: recordKeys.corrections(org) });
      void client.invalidateQueries({ queryKey: recordKeys.organiser });
    },
    onError: (err) => void message.error(errorText(err, t)),
  });
  return (
    <List.Item>
      <div className="correction">
        <p>
          {t('organiser.corrections.asks', {
            start: c.requestedStart ? f.dateTime(c.requestedStart) : '—',
            end: c.requestedEnd ? f.dateTime(c.requestedEnd) : '—',
          })}
        </p>
        <p>{t('organiser.corrections.reason', { reason: c.reason })}</p>
        <label htmlFor={inputId}>{t('organiser.corrections.answer')}</label>
        <Input id={inputId} value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <Space className="admin-row">
          <Button type="primary" disabled={!answer.trim()} loading={send.isPending} onClick={() => send.mutate(true)}>
            {t('organiser.corrections.accept')}
          </Button>
          <Button danger disabled={!answer.trim()} loading={send.isPending} onClick={() => send.mutate(false)}>
            {t('organiser.corrections.reject')}
          </Button>
        </Space>
      </div>
    </List.Item>
  );
}

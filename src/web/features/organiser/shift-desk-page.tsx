import { EmptyText, FLAG_COLOUR } from './empty-text.js';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { activityKeys, getActivity } from '../../api/activities.api.js';
import { checkinKeys, shiftAttendance, type Attendance } from '../../api/checkin.api.js';
import { shiftSignups, signupKeys } from '../../api/signups.api.js';
import { useFormat } from '../../components/format.js';
import { QrCode } from '../../components/qr-code.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CodeScreen } from './code-screen.js';
import { HandEntry } from './hand-entry.js';
import { Kiosk } from './kiosk.js';
import { spacedCode, useCheckinCode } from './use-checkin-code.js';

/** A shift's check-in desk: the rotating code (full screen for a projector), live attendance, kiosk and hand entry. */
export function ShiftDeskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const activityId = params.get('activity') ?? '';
  const f = useFormat();
  const [full, setFull] = useState(false);
  const [kiosk, setKiosk] = useState(false);
  const activity = useQuery({
    queryKey: activityKeys.one(activityId),
    queryFn: () => getActivity(activityId),
    enabled: !!activityId,
  });
  const shift = activity.data?.shifts.find((s) => s.id === id);
  const title = activity.data ? `${activity.data.title} · ${shift ? f.span(shift.start, shift.end) : ''}` : '';
  usePageTitle(t('organiser.desk.title'));
  const code = useCheckinCode(id);
  const signups = useQuery({ queryKey: signupKeys.ofShift(id), queryFn: () => shiftSignups(id) });
  const attendance = useQuery({
    queryKey: checkinKeys.attendance(id),
    queryFn: () => shiftAttendance(id),
    refetchInterval: 5000,
  });
  const names = new Map((signups.data?.items ?? []).map((s) => [s.volunteerId, s.volunteerName]));
  const closeFull = useCallback(() => setFull(false), []);

  return (
    <section aria-labelledby="desk-title" className="shift-desk">
      {activityId && (
        <p>
          <Link to={`/organiser/activities/${activityId}`}>{t('organiser.desk.back')}</Link>
        </p>
      )}
      <h1 id="desk-title">{t('organiser.desk.title')}</h1>
      {title && <p className="desk-subtitle">{title}</p>}
      <div className="desk-layout">
        <section className="admin-panel desk-code" aria-labelledby="desk-code-title">
          <h2 id="desk-code-title">{t('organiser.desk.code')}</h2>
          {code.data && (
            <>
              <QrCode value={code.data.token} label={t('organiser.desk.qrLabel')} size={200} />
              <p className="code-digits small" data-testid="desk-digits">
                {spacedCode(code.data.code)}
              </p>
            </>
          )}
          {code.isError && <p role="alert">{t('errors.FORBIDDEN')}</p>}
          <Button type="primary" onClick={() => setFull(true)} data-testid="full-screen">
            {t('organiser.desk.fullScreen')}
          </Button>{' '}
          <Button onClick={() => setKiosk(!kiosk)} aria-pressed={kiosk}>
            {t('organiser.desk.kiosk')}
          </Button>
        </section>
        <section className="admin-panel wide" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('organiser.desk.attendance')}</h2>
          <Table<Attendance>
            rowKey="id"
            size="small"
            dataSource={attendance.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t('organiser.desk.nobody')}</EmptyText> }}
            columns={[
              {
                title: t('organiser.signups.name'),
                dataIndex: 'volunteerId',
                render: (v: string) => names.get(v) ?? v,
              },
              { title: t('checkin.in'), dataIndex: 'checkedInAt', render: (v: string) => f.time(v) },
              {
                title: t('checkin.out'),
                dataIndex: 'checkedOutAt',
                render: (v: string | null) => (v ? f.time(v) : '—'),
              },
              {
                title: t('organiser.desk.method'),
                dataIndex: 'inMethod',
                render: (m: Attendance['inMethod']) => t(`organiser.method.${m}`),
              },
              {
                title: t('checkin.flagsTitle'),
                dataIndex: 'flags',
                render: (fl: string[]) =>
                  fl.map((x) => (
                    <Tag key={x} color={FLAG_COLOUR}>
                      {t(`flags.${x}`)}
                    </Tag>
                  )),
              },
            ]}
          />
        </section>
      </div>
      {kiosk && <Kiosk shiftId={id} names={names} />}
      <HandEntry shiftId={id} signups={signups.data?.items ?? []} />
      {full && <CodeScreen shiftId={id} title={title} onClose={closeFull} />}
    </section>
  );
}

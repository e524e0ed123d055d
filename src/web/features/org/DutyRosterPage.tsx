// 值班表: the command center's 24-hour watch, a week at a time — who is on duty now, and the leader on duty, day and
// night shift of each day. The town's admins and leaders edit it; dispatchers read it to know whom to call.
import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { listUnits } from './api.ts';
import { fetchRoster, saveRoster, type DutyShift, type Roster } from './roster-api.ts';
import './locales.ts';

type Draft = Record<string, string[]>;
const cell = (date: string, shift: DutyShift) => `${date}/${shift}`;

function draftOf(r: Roster): Draft {
  return Object.fromEntries(r.slots.map((s) => [cell(s.date, s.shift), s.people.map((p) => p.id)]));
}

function OnDuty({ roster }: { roster: Roster }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="on-duty">
      <Space wrap size={16}>
        <Typography.Text strong>{t('orgAdmin.roster.onDuty')}</Typography.Text>
        {roster.onDuty.slots.length === 0 ? <Typography.Text type="warning">{t('orgAdmin.roster.nobody')}</Typography.Text>
          : roster.onDuty.slots.map((s) => (
            <span key={s.shift}>{t(`orgAdmin.roster.shifts.${s.shift}`)}：{s.people.map((p) => <Tag key={p.id} color="red">{p.name}</Tag>)}</span>
          ))}
      </Space>
    </Card>
  );
}

function RosterTable({ roster, draft, onChange }: { roster: Roster; draft: Draft | null; onChange(d: Draft): void }) {
  const { t } = useTranslation();
  const names = new Map([...roster.slots.flatMap((s) => s.people), ...roster.candidates].map((p) => [p.id, p.name]));
  const saved = draftOf(roster);
  const weekdays = t('orgAdmin.roster.weekdays', { returnObjects: true }) as string[];
  return (
    <Table
      rowKey="code" size="middle" pagination={false} bordered dataSource={roster.shifts} data-testid="roster-table"
      columns={[
        {
          title: '', key: 'shift', width: 120, render: (_, s) => (
            <div><Typography.Text strong>{t(`orgAdmin.roster.shifts.${s.code}`)}</Typography.Text><br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orgAdmin.roster.hours', s)}</Typography.Text></div>
          ),
        },
        ...roster.dates.map((date, i) => ({
          title: <span>{weekdays[i]} <Typography.Text type="secondary">{date.slice(5)}</Typography.Text></span>,
          key: date,
          render: (_: unknown, s: Roster['shifts'][number]) => {
            const key = cell(date, s.code);
            if (!draft) return (saved[key] ?? []).map((id) => <Tag key={id}>{names.get(id)}</Tag>);
            return (
              <Select
                mode="multiple" size="small" style={{ width: '100%' }} value={draft[key] ?? []} placeholder={t('orgAdmin.roster.pick')}
                onChange={(ids: string[]) => onChange({ ...draft, [key]: ids })} optionFilterProp="label" data-testid={`roster-${key}`}
                options={roster.candidates.filter((c) => c.shifts.includes(s.code)).map((c) => ({ value: c.id, label: c.name }))}
              />
            );
          },
        })),
      ]}
    />
  );
}

export function DutyRosterPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const scope = me.scopeOrgUnit;
  const aboveTown = scope?.level === 'city' || scope?.level === 'district';
  const towns = useApi(aboveTown ? (signal) => listUnits({ level: 'town' }, signal) : null, [scope?.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  const townId = aboveTown ? chosen ?? towns.data?.[0]?.id ?? null : undefined;
  const [week, setWeek] = useState<string | undefined>(undefined);
  const roster = useApi(townId !== null ? (signal) => fetchRoster({ orgUnitId: townId, week }, signal) : null, [townId, week]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const r = roster.data;

  const go = (w: string | undefined) => { setDraft(null); setWeek(w); };
  const save = async () => {
    if (!r || !draft) return;
    setBusy(true);
    try {
      const slots = r.dates.flatMap((date) => r.shifts.map((s) => ({ date, shift: s.code, accountIds: draft[cell(date, s.code)] ?? [] })));
      await saveRoster(r.town.id, r.week, { version: r.version, slots });
      message.success(t('orgAdmin.roster.saved', { week: r.week }));
      setDraft(null);
      roster.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zz-page" data-testid="duty-roster-page">
      <PageHeader
        title={`${r ? `${r.town.name} · ` : ''}${t('orgAdmin.roster.title')}`} subtitle={t('orgAdmin.roster.subtitle')}
        extra={<Space wrap>
          {aboveTown ? (
            <Select style={{ minWidth: 180 }} placeholder={t('orgAdmin.roster.chooseTown')} loading={towns.loading} value={townId ?? undefined}
              onChange={(v: string) => { setChosen(v); setDraft(null); }} options={(towns.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          ) : null}
          <Button icon={<LeftOutlined />} disabled={!r || !!draft} onClick={() => go(r?.previousWeek)}>{t('orgAdmin.roster.prevWeek')}</Button>
          <Button disabled={!!draft} onClick={() => go(undefined)}>{t('orgAdmin.roster.thisWeek')}</Button>
          <Button disabled={!r || !!draft} onClick={() => go(r?.nextWeek)}>{t('orgAdmin.roster.nextWeek')}<RightOutlined /></Button>
          {r?.policies.includes('edit') && !draft ? <Button type="primary" icon={<EditOutlined />} onClick={() => setDraft(draftOf(r))} data-testid="roster-edit">{t('orgAdmin.roster.edit')}</Button> : null}
          {draft ? <>
            <Button onClick={() => setDraft(null)}>{t('orgAdmin.roster.discard')}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="roster-save">{t('orgAdmin.roster.save')}</Button>
          </> : null}
        </Space>}
      />
      {towns.error ? <ErrorState error={towns.error} onRetry={towns.reload} />
        : townId === null ? (towns.loading ? null : <Empty description={t('orgAdmin.roster.pickTown')} />)
        : roster.error ? <ErrorState error={roster.error} onRetry={roster.reload} />
        : r ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <OnDuty roster={r} />
            <Typography.Text type="secondary">
              {r.week} · {t('orgAdmin.roster.range', { from: r.dates[0], to: r.dates[6] })} ·{' '}
              {r.updatedAt ? t('orgAdmin.roster.updated', { at: new Date(r.updatedAt).toLocaleString(i18n.language), by: r.updatedBy ?? '' }) : t('orgAdmin.roster.notSaved')}
            </Typography.Text>
            <RosterTable roster={r} draft={draft} onChange={setDraft} />
          </Space>
        ) : null}
    </div>
  );
}

// 常态化职责: the grid workers' "6+1" standing duties of a town, which the daily task generation works by. The town's
// office edits names, descriptions, rhythm (building checks, dispute sweeps), deadlines and which are on; code and
// kind are fixed. Others read them.
import { useEffect, useState } from 'react';
import { App, Alert, Button, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_LIMITS } from '../../../shared/duties.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getStandingDuties, saveStandingDuties, type StandingDuties } from './api.ts';
import { TownPicker } from './TownPicker.tsx';
import './locales.ts';

type Duty = StandingDuties['duties'][number];

export function StandingDutiesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [townId, setTownId] = useState<string | null>(null);
  const loaded = useApi((signal) => getStandingDuties(townId, signal), [townId]);
  const [rows, setRows] = useState<Duty[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setRows(loaded.data?.duties ?? []); }, [loaded.data]);
  const d = loaded.data;
  const edits = d?.policies.includes('edit') ?? false;
  const set = (code: string, patch: Partial<Duty>) => setRows((rs) => rs.map((r) => (r.code === code ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!d) return;
    setBusy(true);
    try {
      await saveStandingDuties({
        orgUnitId: d.town.id, version: d.version,
        duties: rows.map(({ code, name, description, everyDays, deadlineDays, enabled }) => ({ code, name, description, everyDays, deadlineDays, enabled })),
      });
      message.success(t('duties.standing.saved'));
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
      loaded.reload();
    }
  };

  return (
    <div data-testid="standing-duties-page">
      <PageHeader
        title={t('duties.standing.title')} subtitle={t('duties.standing.subtitle')}
        extra={(
          <Space wrap>
            <TownPicker towns={d?.towns} value={d?.town.id} onChange={setTownId} />
            {edits ? <Button type="primary" loading={busy} onClick={() => void save()} data-testid="standing-save">{t('duties.standing.save')}</Button>
              : <Typography.Text type="secondary">{t('duties.standing.readOnly')}</Typography.Text>}
          </Space>
        )}
      />
      <div className="zz-page">
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        {d ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={d.own ? t('duties.standing.own') : t('duties.standing.platform')} /> : null}
        <Table<Duty>
          rowKey="code" size="middle" loading={loaded.loading} dataSource={rows} pagination={false} data-testid="standing-table" scroll={{ x: 1000 }}
          columns={[
            { title: t('duties.standing.col.code'), dataIndex: 'code', width: 60, render: (v: string) => <span className="zz-code">{v}</span> },
            {
              title: t('duties.standing.col.name'), dataIndex: 'name', width: 180, render: (v: string, r) => (edits
                ? <Input value={v} maxLength={DUTY_LIMITS.name} status={v.trim() ? undefined : 'error'} onChange={(e) => set(r.code, { name: e.target.value })} />
                : <strong>{v}</strong>),
            },
            { title: t('duties.standing.col.kind'), dataIndex: 'kind', width: 180, render: (v: Duty['kind']) => t(`duties.standing.kinds.${v}`) },
            {
              title: t('duties.standing.col.description'), dataIndex: 'description', render: (v: string, r) => (edits
                ? <Input.TextArea value={v} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={DUTY_LIMITS.text} onChange={(e) => set(r.code, { description: e.target.value })} />
                : v),
            },
            {
              title: t('duties.standing.col.everyDays'), dataIndex: 'everyDays', width: 130, render: (v: number | null, r) => (!r.rhythm
                ? <Typography.Text type="secondary">{t('duties.standing.byRegistry')}</Typography.Text>
                : edits ? <InputNumber min={1} max={366} value={v ?? 30} addonAfter={t('duties.standing.days')} style={{ width: 110 }} onChange={(x) => set(r.code, { everyDays: x ?? 30 })} />
                  : t('duties.standing.everyDays', { count: v ?? 0 })),
            },
            {
              title: t('duties.standing.col.deadlineDays'), dataIndex: 'deadlineDays', width: 150, render: (v: number, r) => (edits
                ? <InputNumber min={0} max={60} value={v} addonAfter={t('duties.standing.workingDayUnit')} style={{ width: 130 }} onChange={(x) => set(r.code, { deadlineDays: x ?? 0 })} />
                : t('duties.standing.workingDays', { count: v })),
            },
            {
              title: t('duties.standing.col.enabled'), dataIndex: 'enabled', width: 70, render: (v: boolean, r) => (
                <Switch size="small" checked={v} disabled={!edits} onChange={(x) => set(r.code, { enabled: x })} />
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}

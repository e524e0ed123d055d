// 红黑榜: the community's 红榜, 黑榜 and 文明户 as derived from points and vetoes, each with its reasons and the dates it
// holds; 评出上月榜单 (derive) for the keepers (a rerun of a month writes nothing twice).
import { useState } from 'react';
import { App, Button, DatePicker, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CIVILITY_KINDS, type CivilityKind } from '../../../shared/points.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { civilityReasonEn } from '../../../domain/points/civility.ts';
import { deriveCivility, listCivility, type CivilityMark } from './api.ts';
import { timeText, useCommunity } from './parts.tsx';
import './locales.ts';

const KIND_COLOURS: Record<CivilityKind, string> = { red: 'red', black: 'default', civilized: 'gold' };

export function CivilityPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { community, picker } = useCommunity();
  const [kind, setKind] = useState<CivilityKind | 'all'>('all');
  const [period, setPeriod] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [deriving, setDeriving] = useState(false);
  const list = useApi(community ? (signal) => listCivility(community.id, kind === 'all' ? undefined : kind, signal) : null, [community?.id, kind]);
  const derive = async () => {
    if (!community) return;
    setDeriving(true);
    try {
      const r = await deriveCivility(community.id, period.format('YYYY-MM'));
      message.success(t('points.civility.deriveOk', r));
      list.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setDeriving(false);
    }
  };
  const columns: TableColumnsType<CivilityMark> = [
    { title: t('points.civility.col.household'), dataIndex: 'householdName', render: (v: string) => <Typography.Text strong data-testid="civility-household">{v}</Typography.Text> },
    { title: t('points.civility.col.kind'), dataIndex: 'kind', width: 100, render: (v: CivilityKind) => <Tag color={KIND_COLOURS[v]} data-testid="civility-kind">{t(`points.civility.kinds.${v}`)}</Tag> },
    { title: t('points.civility.col.reasons'), dataIndex: 'reasons', render: (v: string[]) => <Space orientation="vertical" size={0}>{v.map((x) => <span key={x}>{i18n.language.startsWith('en') ? civilityReasonEn(x) : x}</span>)}</Space> },
    { title: t('points.civility.col.period'), dataIndex: 'period', width: 100 },
    { title: t('points.civility.col.valid'), key: 'valid', width: 220, render: (_: unknown, m) => t('points.civility.validRange', { from: m.validFrom, until: m.validUntil }) },
    { title: t('points.civility.col.derived'), dataIndex: 'derivedAt', width: 150, render: (v: string) => timeText(v) },
  ];
  return (
    <div className="zz-page" data-testid="civility-page">
      <PageHeader title={t('points.civility.title')} subtitle={t('points.civility.subtitle')} extra={
        <Space wrap>
          {picker}
          {list.data?.policies.includes('derive') ? (
            <>
              <DatePicker picker="month" allowClear={false} value={period} onChange={(v) => v && setPeriod(v)} disabledDate={(d) => !d.isBefore(dayjs(), 'month')} data-testid="civility-period" />
              <Button type="primary" icon={<TrophyOutlined />} loading={deriving} onClick={() => void derive()} data-testid="civility-derive">{t('points.civility.derive')}</Button>
            </>
          ) : null}
        </Space>
      } />
      <Segmented<CivilityKind | 'all'> style={{ marginBottom: 12 }} value={kind} onChange={setKind} data-testid="civility-kinds"
        options={[{ value: 'all', label: t('points.all') }, ...CIVILITY_KINDS.map((k) => ({ value: k, label: t(`points.civility.kinds.${k}`) }))]} />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<CivilityMark> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={{ pageSize: 30, hideOnSinglePage: true }} data-testid="civility-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.civility.empty')} /> }} />
      )}
    </div>
  );
}

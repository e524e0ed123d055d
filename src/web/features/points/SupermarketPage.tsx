// 积分超市: the community supermarket's goods with prices in points and stock (上架, 编辑, 下架); the pickup desk (兑付台:
// type the household's 6-digit code, hand the goods over) with the reservations waiting; the redemptions; and the
// monthly statement with its Excel download.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { REDEMPTION_STATUSES, type RedemptionStatus } from '../../../shared/points.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import {
  cancelRedemption, createGoods, downloadStatement, fetchStatement, listGoods, listRedemptions, pickUp, updateGoods,
  type Goods, type Redemption, type Statement,
} from './api.ts';
import { newIdempotencyKey, timeText, useCommunity } from './parts.tsx';
import './locales.ts';

const TABS = ['goods', 'desk', 'redemptions', 'statement'] as const;
type TabKey = (typeof TABS)[number];
const STATUS_COLOURS: Record<RedemptionStatus, string> = { reserved: 'gold', pickedUp: 'green', expired: 'default', cancelled: 'default' };

export function RedemptionStatusTag({ status }: { status: RedemptionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} bordered={false}>{t(`points.supermarket.rstatus.${status}`)}</Tag>;
}

export function SupermarketPage() {
  const { t } = useTranslation();
  const { community, picker } = useCommunity();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab') as TabKey : 'goods';
  const setTab = (k: string) => { const next = new URLSearchParams(params); next.set('tab', k); setParams(next, { replace: true }); };
  return (
    <div className="zz-page" data-testid="supermarket-page">
      <PageHeader title={t('points.supermarket.title')} subtitle={t('points.supermarket.subtitle')} extra={picker} />
      {!community ? <Empty description={t('points.noCommunity')} /> : (
        <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={TABS.map((k) => ({
          key: k, label: <span data-testid={`tab-${k}`}>{t(`points.supermarket.tabs.${k}`)}</span>,
          children: k === 'goods' ? <GoodsTab orgUnitId={community.id} /> : k === 'desk' ? <DeskTab orgUnitId={community.id} />
            : k === 'redemptions' ? <RedemptionsTab orgUnitId={community.id} /> : <StatementTab orgUnitId={community.id} />,
        }))} />
      )}
    </div>
  );
}

function GoodsTab({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useTranslation();
  const goods = useApi((signal) => listGoods(orgUnitId, signal), [orgUnitId]);
  const [editing, setEditing] = useState<Goods | 'new' | null>(null);
  const columns: TableColumnsType<Goods> = [
    { title: t('points.supermarket.col.name'), dataIndex: 'name', render: (v: string, g) => <Space orientation="vertical" size={0}><Typography.Text strong data-testid="goods-name">{v}</Typography.Text>{g.description ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{g.description}</Typography.Text> : null}</Space> },
    { title: t('points.supermarket.col.price'), dataIndex: 'pricePoints', width: 110, align: 'right' },
    { title: t('points.supermarket.col.stock'), dataIndex: 'stock', width: 90, align: 'right', render: (v: number) => <Typography.Text type={v === 0 ? 'danger' : undefined} data-testid="goods-stock">{v}</Typography.Text> },
    { title: t('points.supermarket.col.reserved'), dataIndex: 'reserved', width: 90, align: 'right' },
    { title: t('points.supermarket.col.active'), dataIndex: 'active', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'default'} bordered={false}>{v ? t('points.supermarket.onShelf') : t('points.supermarket.offShelf')}</Tag> },
    { title: t('points.supermarket.col.actions'), key: 'a', width: 90, render: (_: unknown, g) => (g.policies.includes('update') ? <Button size="small" type="link" onClick={() => setEditing(g)} data-testid="goods-edit">{t('points.rules.edit')}</Button> : null) },
  ];
  return (
    <>
      {goods.data?.policies.includes('create') ? <div style={{ marginBottom: 12 }}><Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="goods-add">{t('points.supermarket.addGoods')}</Button></div> : null}
      {goods.error ? <ErrorState error={goods.error} onRetry={goods.reload} /> : (
        <Table<Goods> rowKey="id" size="middle" columns={columns} dataSource={goods.data?.items ?? []} loading={goods.loading} pagination={false} data-testid="goods-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.supermarket.empty')} /> }} />
      )}
      {editing ? <GoodsDialog orgUnitId={orgUnitId} goods={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); goods.reload(); }} /> : null}
    </>
  );
}

function GoodsDialog({ orgUnitId, goods, onClose, onDone }: { orgUnitId: string; goods: Goods | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState(goods?.name ?? '');
  const [description, setDescription] = useState(goods?.description ?? '');
  const [price, setPrice] = useState<number | null>(goods?.pricePoints ?? null);
  const [stock, setStock] = useState<number | null>(goods?.stock ?? null);
  const [active, setActive] = useState(goods?.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    const f = (k: string) => t('points.supermarket.form.required', { field: t(`points.supermarket.form.${k}`) });
    if (!name.trim()) return setError(f('name'));
    if (!price) return setError(f('price'));
    if (stock === null) return setError(f('stock'));
    setSaving(true);
    try {
      if (goods) await updateGoods(goods.id, { version: goods.version, name: name.trim(), description: description.trim() || null, pricePoints: price, stock, active });
      else await createGoods({ orgUnitId, name: name.trim(), description: description.trim() || null, pricePoints: price, stock, active }, key.current);
      message.success(t('points.supermarket.savedOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={goods ? t('points.supermarket.editGoods') : t('points.supermarket.addGoods')} onOk={() => void save()} confirmLoading={saving}
      okText={t('points.ok')} cancelText={t('points.cancel')} okButtonProps={{ 'data-testid': 'goods-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('points.supermarket.form.name')} required><Input value={name} maxLength={40} placeholder={t('points.supermarket.form.namePh')} onChange={(e) => setName(e.target.value)} data-testid="goods-name-input" /></Form.Item>
        <Form.Item label={t('points.supermarket.form.description')}><Input value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} /></Form.Item>
        <Space size={16} wrap>
          <Form.Item label={t('points.supermarket.form.price')} required><InputNumber min={1} max={100000} precision={0} value={price} onChange={setPrice} data-testid="goods-price" /></Form.Item>
          <Form.Item label={t('points.supermarket.form.stock')} required><InputNumber min={0} max={100000} precision={0} value={stock} onChange={setStock} data-testid="goods-stock-input" /></Form.Item>
          <Form.Item label={t('points.supermarket.form.active')}><Switch checked={active} onChange={setActive} /></Form.Item>
        </Space>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function useRedemptionColumns(actions?: (r: Redemption) => React.ReactNode): TableColumnsType<Redemption> {
  const { t } = useTranslation();
  return [
    { title: t('points.supermarket.rcol.goods'), dataIndex: 'goodsName', render: (v: string, r) => `${v} × ${r.qty}` },
    { title: t('points.supermarket.rcol.household'), dataIndex: 'householdName', render: (v: string | null) => v ?? '—' },
    { title: t('points.supermarket.rcol.points'), dataIndex: 'points', width: 80, align: 'right' },
    { title: t('points.supermarket.rcol.code'), dataIndex: 'pickupCode', width: 100, render: (v: string | null) => (v ? <Typography.Text code translate="no">{v}</Typography.Text> : '—') },
    { title: t('points.supermarket.rcol.status'), dataIndex: 'status', width: 90, render: (v: RedemptionStatus) => <RedemptionStatusTag status={v} /> },
    { title: t('points.supermarket.rcol.reservedAt'), dataIndex: 'reservedAt', width: 150, render: (v: string) => timeText(v) },
    { title: t('points.supermarket.rcol.expiresAt'), key: 'when', width: 150, render: (_: unknown, r) => (r.status === 'pickedUp' ? timeText(r.pickedUpAt) : r.status === 'reserved' ? timeText(r.expiresAt) : '—') },
    ...(actions ? [{ title: t('points.supermarket.rcol.actions'), key: 'a', width: 100, render: (_: unknown, r: Redemption) => actions(r) }] : []),
  ];
}

function DeskTab({ orgUnitId }: { orgUnitId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const waiting = useApi((signal) => listRedemptions({ orgUnitId, status: 'reserved' }, signal), [orgUnitId]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const handOver = async () => {
    if (!/^[0-9]{6}$/.test(code.trim())) { setResult({ ok: false, text: t('points.supermarket.codeInvalid') }); return; }
    setBusy(true);
    try {
      const r = await pickUp(code.trim(), orgUnitId);
      setResult({ ok: true, text: t('points.supermarket.handedOk', { goods: r.goodsName, qty: r.qty, household: r.householdName ?? '' }) });
      setCode('');
      waiting.reload();
    } catch (e) {
      setResult({ ok: false, text: errorText(e, i18n.language) });
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (r: Redemption) => {
    try { await cancelRedemption(r.id); message.success(t('points.supermarket.cancelledOk')); waiting.reload(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
  };
  const columns = useRedemptionColumns((r) => (r.policies.includes('cancel') ? (
    <Popconfirm title={t('points.supermarket.cancelConfirm')} okText={t('points.ok')} cancelText={t('points.cancel')} onConfirm={() => void cancel(r)}>
      <Button size="small" type="link" danger>{t('points.supermarket.cancelRedemption')}</Button>
    </Popconfirm>
  ) : null));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('points.supermarket.desk')}>
        <Space wrap>
          <Input size="large" style={{ width: 240, letterSpacing: 4 }} maxLength={6} inputMode="numeric" value={code} placeholder={t('points.supermarket.codePh')}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} onPressEnter={() => void handOver()} data-testid="pickup-code" />
          <Button size="large" type="primary" loading={busy} onClick={() => void handOver()} data-testid="pickup-go">{t('points.supermarket.handOver')}</Button>
        </Space>
        {result ? <Alert style={{ marginTop: 12 }} type={result.ok ? 'success' : 'error'} showIcon title={result.text} data-testid="pickup-result" /> : null}
      </Card>
      <Card size="small" title={t('points.supermarket.waiting')}>
        {waiting.error ? <ErrorState error={waiting.error} onRetry={waiting.reload} /> : (
          <Table<Redemption> rowKey="id" size="small" columns={columns} dataSource={waiting.data?.items ?? []} loading={waiting.loading} pagination={false} data-testid="waiting-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.none')} /> }} />
        )}
      </Card>
    </Space>
  );
}

function RedemptionsTab({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RedemptionStatus | undefined>(undefined);
  const list = useApi((signal) => listRedemptions({ orgUnitId, status }, signal), [orgUnitId, status]);
  const columns = useRedemptionColumns();
  return (
    <>
      <Select<RedemptionStatus> allowClear style={{ width: 140, marginBottom: 12 }} placeholder={t('points.all')} value={status} onChange={setStatus}
        options={REDEMPTION_STATUSES.map((s) => ({ value: s, label: t(`points.supermarket.rstatus.${s}`) }))} />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Redemption> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="redemptions-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.none')} /> }} />
      )}
    </>
  );
}

function StatementTab({ orgUnitId }: { orgUnitId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const m = month.format('YYYY-MM');
  const statement = useApi((signal) => fetchStatement(orgUnitId, m, signal), [orgUnitId, m]);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try { await downloadStatement(orgUnitId, m); } catch (e) { message.error(errorText(e, i18n.language)); } finally { setDownloading(false); }
  };
  type Row = Statement['goods'][number];
  const columns: TableColumnsType<Row> = (['name', 'pricePoints', 'qtyOut', 'pointsOut', 'qtyReserved', 'qtyExpired', 'qtyCancelled', 'stock'] as const).map((k) => ({
    title: t(`points.supermarket.scol.${k === 'pricePoints' ? 'price' : k}`), dataIndex: k, align: k === 'name' ? undefined : 'right' as const,
  }));
  const s = statement.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} data-testid="statement-month" />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="statement-download">{t('points.supermarket.download')}</Button>
      </Space>
      {statement.error ? <ErrorState error={statement.error} onRetry={statement.reload} /> : s ? (
        <>
          <Row gutter={16}>
            {(['redemptions', 'pickedUp', 'pointsRedeemed', 'pointsReturned'] as const).map((k) => (
              <Col key={k} span={6}><Card size="small"><Statistic title={t(`points.supermarket.sfig.${k}`)} value={s[k]} /></Card></Col>
            ))}
          </Row>
          <Table<Row> rowKey="goodsId" size="small" columns={columns} dataSource={s.goods} pagination={false} data-testid="statement-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.supermarket.noStatement')} /> }} />
        </>
      ) : null}
    </Space>
  );
}

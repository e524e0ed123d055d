// 积分账户: the households of a community with their balances (searched by the head's name or the address, keyset
// paged), 按细则加分 for a household; one household's ledger with reasons, the balance at a past date, and 冲正 of an
// entry with a reason (a reversing entry; the entry itself stays).
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { errorText } from '../../lib/api.ts';
import { award, fetchAccount, fetchRules, listAccounts, reverse, type AccountSummary, type Entry } from './api.ts';
import { Amount, dayText, newIdempotencyKey, timeText, useCommunity } from './parts.tsx';
import './locales.ts';

export function AccountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { community, picker } = useCommunity();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [awarding, setAwarding] = useState<AccountSummary | 'pick' | null>(null);
  const list = useCursorList((f: { orgUnitId: string; q: string }, cursor, signal) => (f.orgUnitId ? listAccounts(f, cursor, signal) : Promise.resolve({ items: [], nextCursor: null, policies: [] })), { orgUnitId: community?.id ?? '', q });
  const canAward = list.items.some((x) => x.policies.includes('award'));

  const columns: TableColumnsType<AccountSummary> = [
    {
      title: t('points.accounts.col.household'), key: 'household',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/points/accounts/${encodeURIComponent(a.subject)}`)} data-testid="account-link">{a.headName ?? a.address}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.address}</Typography.Text>
        </Space>
      ),
    },
    { title: t('points.accounts.col.grid'), dataIndex: 'gridName', width: 180 },
    {
      title: t('points.accounts.col.balance'), dataIndex: 'balance', width: 140, align: 'right',
      render: (v: number, a) => <Space size={4}>{a.vetoUntil ? <Tag color="red" bordered={false}>{t('points.kinds.veto')}</Tag> : null}<Typography.Text strong data-testid="account-balance">{v}</Typography.Text></Space>,
    },
    { title: t('points.accounts.col.updated'), dataIndex: 'lastAt', width: 160, render: (v: string | null) => timeText(v) || '—' },
    {
      title: t('points.accounts.col.actions'), key: 'actions', width: 180,
      render: (_: unknown, a) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => navigate(`/points/accounts/${encodeURIComponent(a.subject)}`)}>{t('points.accounts.open')}</Button>
          {a.policies.includes('award') ? <Button size="small" type="link" onClick={() => setAwarding(a)} data-testid="account-award">{t('points.accounts.award')}</Button> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="zz-page" data-testid="point-accounts-page">
      <PageHeader title={t('points.accounts.title')} subtitle={t('points.accounts.subtitle')} extra={
        <Space wrap>
          {picker}
          <Input.Search allowClear placeholder={t('points.accounts.search')} value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => setQ(v.trim())}
            enterButton={<SearchOutlined />} style={{ width: 280 }} data-testid="account-search" />
          {canAward ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAwarding('pick')} data-testid="award-open">{t('points.accounts.award')}</Button> : null}
        </Space>
      } />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <>
          <Table<AccountSummary> rowKey="subject" size="middle" columns={columns} dataSource={list.items} loading={list.loading} pagination={false} data-testid="accounts-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.accounts.empty')} /> }} />
          {list.nextCursor ? <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.more} loading={list.loading}>{t('points.more')}</Button></div> : null}
        </>
      )}
      {awarding && community ? (
        <AwardDialog orgUnitId={community.id} household={awarding === 'pick' ? null : awarding} onClose={() => setAwarding(null)} onDone={() => { setAwarding(null); list.reload(); }} />
      ) : null}
    </div>
  );
}

/** 按细则加分: a household (picked, or given), a published rule of the community, units, the event it answers, a note. */
export function AwardDialog({ orgUnitId, household, onClose, onDone }: { orgUnitId: string; household: { householdId: string; headName: string | null; address: string } | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rules = useApi((signal) => fetchRules(orgUnitId, signal), [orgUnitId]);
  const [picked, setPicked] = useState<{ householdId: string; label: string } | null>(household ? { householdId: household.householdId, label: household.headName ?? household.address } : null);
  const [hits, setHits] = useState<AccountSummary[]>([]);
  const [ruleCode, setRuleCode] = useState<string | null>(null);
  const [units, setUnits] = useState(1);
  const [eventRef, setEventRef] = useState(() => `${dayjs().format('YYYY-MM-DD')} `);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const usable = (rules.data?.published?.rules ?? []).filter((r) => !r.retired && (r.kind === 'base' || r.kind === 'bonus' || r.kind === 'minus' || r.kind === 'veto'));
  const search = (q: string) => {
    if (!q.trim()) { setHits([]); return; }
    listAccounts({ orgUnitId, q: q.trim() }, null).then((r) => setHits(r.items), () => setHits([]));
  };
  const save = async () => {
    if (!picked) return setError(t('points.accounts.pickHousehold'));
    if (!ruleCode) return setError(t('points.accounts.pickRule'));
    if (!eventRef.trim()) return setError(t('points.rules.form.required', { field: t('points.accounts.eventRef') }));
    setSaving(true);
    setError(null);
    try {
      const tx = await award({ subject: { householdId: picked.householdId }, ruleCode, eventRef: eventRef.trim(), units, ...(note.trim() ? { note: note.trim() } : {}) }, key.current);
      if (tx.created) message.success(t('points.accounts.awardOk', { points: tx.points })); else message.info(t('points.accounts.awardRepeat'));
      key.current = newIdempotencyKey();
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('points.accounts.awardTitle')} onOk={() => void save()} confirmLoading={saving} okText={t('points.ok')} cancelText={t('points.cancel')}
      okButtonProps={{ 'data-testid': 'award-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('points.accounts.household')} required>
          {household ? <Typography.Text strong>{picked?.label}</Typography.Text> : (
            <Select showSearch filterOption={false} placeholder={t('points.accounts.householdPh')} value={picked?.householdId} onSearch={search} data-testid="award-household"
              onChange={(id: string) => { const h = hits.find((x) => x.householdId === id); if (h) setPicked({ householdId: h.householdId, label: h.headName ?? h.address }); }}
              options={[...(picked && !hits.some((h) => h.householdId === picked.householdId) ? [{ value: picked.householdId, label: picked.label }] : []),
                ...hits.map((h) => ({ value: h.householdId, label: `${h.headName ?? ''} · ${h.address}` }))]} />
          )}
        </Form.Item>
        <Form.Item label={t('points.accounts.rule')} required>
          {rules.loading ? <Spin size="small" /> : usable.length === 0 ? <Alert type="info" showIcon title={t('points.accounts.noRules')} /> : (
            <Select placeholder={t('points.accounts.rulePh')} value={ruleCode ?? undefined} onChange={setRuleCode} data-testid="award-rule" showSearch optionFilterProp="label"
              options={usable.map((r) => ({ value: r.code, label: `${r.name}（${t(`points.kinds.${r.kind}`)} ${r.kind === 'minus' || r.kind === 'veto' ? '−' : '+'}${r.points}）` }))} />
          )}
        </Form.Item>
        <Space wrap size={12}>
          <Form.Item label={t('points.accounts.units')} tooltip={t('points.accounts.unitsHint')}>
            <InputNumber min={1} max={100} precision={0} value={units} onChange={(v) => setUnits(v ?? 1)} />
          </Form.Item>
          <Form.Item label={t('points.accounts.eventRef')} required tooltip={t('points.accounts.eventRefHint')} style={{ minWidth: 300 }}>
            <Input value={eventRef} maxLength={120} onChange={(e) => setEventRef(e.target.value)} data-testid="award-event" />
          </Form.Item>
        </Space>
        <Form.Item label={t('points.accounts.note')}>
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="award-error" /> : null}
      </Form>
    </Modal>
  );
}

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { subject = '' } = useParams();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const account = useApi((signal) => fetchAccount(subject, { asOf: asOf ? asOf.endOf('day').toISOString() : null }, signal), [subject, asOf?.valueOf()]);
  const [older, setOlder] = useState<{ entries: Entry[]; cursor: string | null } | null>(null);
  const [reversing, setReversing] = useState<Entry | null>(null);
  const [awarding, setAwarding] = useState(false);
  const a = account.data;
  const entries = [...(a?.entries ?? []), ...(older?.entries ?? [])];
  const cursor = older ? older.cursor : a?.nextCursor ?? null;
  const more = () => {
    if (!cursor) return;
    fetchAccount(subject, { cursor }).then((next) => setOlder({ entries: [...(older?.entries ?? []), ...next.entries], cursor: next.nextCursor }), (e: unknown) => message.error(errorText(e, i18n.language)));
  };
  const reload = () => { setOlder(null); account.reload(); };

  const columns: TableColumnsType<Entry> = [
    { title: t('points.accounts.col2.at'), dataIndex: 'at', width: 160, render: (v: string) => timeText(v) },
    {
      title: t('points.accounts.col2.reason'), key: 'reason',
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          <span data-testid="entry-reason">{e.reasonName}</span>
          {e.kind !== 'award' ? <Tag bordered={false} color={e.kind === 'reversal' ? 'purple' : e.kind === 'veto' ? 'red' : e.kind === 'redemption' ? 'blue' : 'orange'}>{t(`points.txKinds.${e.kind}`)}</Tag> : null}
          {e.reversed ? <Tag bordered={false}>{t('points.accounts.reversed')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('points.accounts.col2.note'), key: 'note', render: (_: unknown, e) => <Typography.Text type="secondary">{[e.eventRef, e.note].filter(Boolean).join(' · ')}</Typography.Text> },
    { title: t('points.accounts.col2.amount'), dataIndex: 'amount', width: 90, align: 'right', render: (v: number) => <Amount value={v} /> },
    {
      title: t('points.accounts.col2.actions'), key: 'actions', width: 90,
      render: (_: unknown, e) => (e.policies.includes('reverse') ? <Button size="small" type="link" danger onClick={() => setReversing(e)} data-testid="entry-reverse">{t('points.accounts.reverse')}</Button> : null),
    },
  ];

  return (
    <div className="zz-page" data-testid="point-account-page">
      <PageHeader title={a ? a.name : t('points.accounts.title')} subtitle={a ? [a.address, a.orgUnitName].filter(Boolean).join(' · ') : undefined} extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/points/accounts')}>{t('points.accounts.back')}</Button>
          {a?.policies.includes('award') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAwarding(true)} data-testid="award-open">{t('points.accounts.award')}</Button> : null}
        </Space>
      } />
      {account.error ? <ErrorState error={account.error} onRetry={reload} /> : !a ? <Spin /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Space size={48} wrap align="start">
              <Statistic title={t('points.accounts.balance')} value={a.balance} suffix={t('points.pointsUnit')} data-testid="account-detail-balance" />
              <div>
                <Typography.Text type="secondary">{t('points.accounts.asOf')}</Typography.Text>
                <div><DatePicker value={asOf} onChange={setAsOf} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="account-asof" /></div>
                {asOf && a.balanceAsOf !== null ? <Typography.Text strong data-testid="account-balance-asof">{t('points.accounts.balanceAt', { date: asOf.format('YYYY-MM-DD') })}：{a.balanceAsOf}</Typography.Text> : null}
              </div>
              {a.veto ? <Alert type="error" showIcon title={`${t('points.kinds.veto')}：${a.veto.ruleName}（${dayText(a.veto.until)}）`} /> : null}
              {a.members.length ? (
                <Descriptions size="small" column={1} items={[{ key: 'm', label: t('points.accounts.members'), children: a.members.map((m) => m.name).join('、') }]} />
              ) : null}
            </Space>
          </Card>
          <Card size="small" title={t('points.accounts.ledger')}>
            <Table<Entry> rowKey={(e) => `${e.transactionId}`} size="small" columns={columns} dataSource={entries} pagination={false} data-testid="ledger-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.accounts.noEntries')} /> }} />
            {cursor ? <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={more}>{t('points.more')}</Button></div> : null}
          </Card>
        </Space>
      )}
      {reversing ? <ReverseDialog entry={reversing} onClose={() => setReversing(null)} onDone={() => { setReversing(null); reload(); }} /> : null}
      {awarding && a ? (
        <AwardDialog orgUnitId={a.orgUnitId} household={a.kind === 'household' ? { householdId: subject.replace(/^household:/, ''), headName: a.name, address: a.address ?? '' } : null}
          onClose={() => setAwarding(false)} onDone={() => { setAwarding(false); reload(); }} />
      ) : null}
    </div>
  );
}

function ReverseDialog({ entry, onClose, onDone }: { entry: Entry; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    if (!reason.trim()) return setError(t('points.accounts.reasonRequired'));
    setSaving(true);
    try {
      await reverse(entry.transactionId, reason.trim(), key.current);
      message.success(t('points.accounts.reverseOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('points.accounts.reverseTitle')} onOk={() => void save()} confirmLoading={saving} okText={t('points.accounts.reverse')} cancelText={t('points.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'reverse-ok' } as ButtonProps} destroyOnHidden>
      <Typography.Paragraph>{timeText(entry.at)} · {entry.reasonName} · <Amount value={entry.amount} /></Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('points.accounts.reverseHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('points.accounts.reason')} required>
          <Input.TextArea rows={2} maxLength={500} value={reason} placeholder={t('points.accounts.reasonPh')} onChange={(e) => setReason(e.target.value)} data-testid="reverse-reason" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

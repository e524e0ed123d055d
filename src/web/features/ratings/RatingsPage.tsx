// 三级五星评价: the ratings of grids, communities and towns for a month, quarter or year — score, stars, status and
// appeal — with a drawer that shows the breakdown (each indicator's value, target, weight and points), the vetoes hit
// and the appeal with its answer. The rated appeal; judges compute, publish and answer.
import { useMemo, useState } from 'react';
import { App, Badge, Button, Divider, Drawer, Empty, Form, Input, Modal, Radio, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalculatorOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingLevel } from '../../../shared/ratings.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { answerAppeal, appealRating, computeRatings, fetchRatings, fetchRule, publishRatings, type Rating } from './api.ts';
import { AppealCard, BreakdownTable, periodChoices, periodLabel, Stars, VetoList } from './parts.tsx';
import './locales.ts';

type Kind = 'month' | 'quarter' | 'year';

export function RatingsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [level, setLevel] = useState<RatingLevel>('grid');
  const [kind, setKind] = useState<Kind>('month');
  const choices = useMemo(() => periodChoices(kind, new Date()), [kind]);
  const [period, setPeriod] = useState<string>(() => periodChoices('month', new Date())[0]!);
  const list = useApi((signal) => fetchRatings({ level, period }, signal), [level, period]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = list.data?.items.find((r) => r.id === openId) ?? null;
  const policies = list.data?.policies ?? [];

  const run = async (what: 'compute' | 'publish') => {
    setBusy(true);
    try {
      const r = what === 'compute' ? await computeRatings(level, period) : await publishRatings(level, period);
      message.success(what === 'compute' ? t('ratings.computeOk', { count: r.computed }) : t('ratings.publishOk', { count: r.published }));
      list.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Rating> = [
    { title: t('ratings.col.rank'), key: 'rank', width: 70, render: (_, __, i) => i + 1 },
    { title: t('ratings.col.unit'), dataIndex: 'orgUnitName' },
    { title: t('ratings.col.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    { title: t('ratings.col.score'), dataIndex: 'score', align: 'right', render: (v: number) => <strong>{v}</strong> },
    { title: t('ratings.col.stars'), key: 'stars', render: (_, r) => (
      <Space size={4}><Stars stars={r.stars} />{r.vetoesHit.length > 0 ? <Tag color="red">{t('ratings.vetoes')}</Tag> : null}{r.adjusted ? <Tag color="blue">{t('ratings.adjusted')}</Tag> : null}</Space>
    ) },
    { title: t('ratings.col.status'), dataIndex: 'status', render: (s: Rating['status']) => <Badge status={s === 'published' ? 'success' : 'default'} text={t(`ratings.status.${s}`)} /> },
    { title: t('ratings.col.appeal'), key: 'appeal', render: (_, r) => (r.appeal ? <Tag color={r.appeal.status === 'open' ? 'gold' : r.appeal.status === 'upheld' ? 'green' : 'default'}>{t(`ratings.appealStatus.${r.appeal.status}`)}</Tag> : '—') },
    { title: t('ratings.col.actions'), key: 'actions', render: (_, r) => <Button size="small" type="link" onClick={() => setOpenId(r.id)} data-testid="rating-open">{t('ratings.open')}</Button> },
  ];

  return (
    <div data-testid="ratings-page">
      <PageHeader title={t('ratings.title')} subtitle={t('ratings.subtitle')}
        extra={policies.includes('compute') ? (
          <Space>
            <Button icon={<CalculatorOutlined />} loading={busy} onClick={() => void run('compute')} data-testid="ratings-compute">{t('ratings.compute')}</Button>
            <Button type="primary" icon={<CloudUploadOutlined />} disabled={!list.data?.counts.computed} loading={busy} data-testid="ratings-publish"
              onClick={() => modal.confirm({ title: t('ratings.publish'), content: t('ratings.publishConfirm'), okText: t('ratings.ok'), cancelText: t('ratings.cancel'), onOk: () => run('publish') })}>
              {t('ratings.publish')}
            </Button>
          </Space>
        ) : null} />
      <Tabs activeKey={level} onChange={(k) => setLevel(k as RatingLevel)} items={RATING_LEVELS.map((l) => ({ key: l, label: t(`ratings.levels.${l}`) }))} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('ratings.period')}</span>
        <Segmented<Kind> value={kind} onChange={(k) => { setKind(k); setPeriod(periodChoices(k, new Date())[0]!); }}
          options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`ratings.periodKinds.${k}`) }))} />
        <Select style={{ width: 160 }} value={period} onChange={setPeriod} data-testid="ratings-period"
          options={choices.map((p) => ({ value: p, label: periodLabel(p, i18n.language) }))} />
        {list.data ? <Typography.Text type="secondary">{t('ratings.counts', list.data.counts)}</Typography.Text> : null}
      </Space>
      {policies.includes('editRules') ? <RuleLine level={level} /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Rating> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={policies.includes('compute') ? t('ratings.emptyJudge') : t('ratings.empty')} /> }} data-testid="ratings-table" />
      )}
      <RatingDrawer rating={open} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </div>
  );
}

function RuleLine({ level }: { level: RatingLevel }) {
  const { t, i18n } = useTranslation();
  const rule = useApi((signal) => fetchRule(level, signal), [level]);
  if (!rule.data) return null;
  const r = rule.data;
  const zh = i18n.language.startsWith('zh');
  return (
    <div style={{ marginBottom: 12, padding: '8px 12px', background: '#fafafa', borderRadius: 6 }} data-testid="rating-rule">
      <Space wrap size={[8, 4]}>
        <strong>{t('ratings.rulesTitle', { level: t(`ratings.levels.${level}`) })}</strong>
        <Tag>{r.cityDefault ? t('ratings.cityDefault') : t('ratings.ownRule', { version: r.version })}</Tag>
        {r.items.map((i) => <Tag key={i.indicatorCode} color="blue">{zh ? i.nameZh : i.nameEn} {i.weight}</Tag>)}
        <Typography.Text type="secondary">{t('ratings.thresholdText', { t0: r.thresholds[0], t1: r.thresholds[1], t2: r.thresholds[2], t3: r.thresholds[3], t4: r.thresholds[4] })}</Typography.Text>
        {r.vetoes.map((v) => <Tag key={v.code} color="red">{zh ? v.reasonZh : v.reasonEn}</Tag>)}
      </Space>
    </div>
  );
}

function RatingDrawer({ rating, onClose, onChanged }: { rating: Rating | null; onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [appealing, setAppealing] = useState(false);
  const [answering, setAnswering] = useState(false);
  return (
    <Drawer open={!!rating} onClose={onClose} width={720} title={rating ? `${rating.orgUnitName} · ${periodLabel(rating.period, i18n.language)}` : ''} destroyOnHidden
      extra={rating ? (
        <Space>
          {rating.policies.includes('appeal') ? <Button onClick={() => setAppealing(true)} data-testid="rating-appeal-open">{t('ratings.appeal')}</Button> : null}
          {rating.appeal?.policies.includes('answer') ? <Button type="primary" onClick={() => setAnswering(true)} data-testid="rating-answer-open">{t('ratings.answer')}</Button> : null}
        </Space>
      ) : null}>
      {rating ? (
        <div data-testid="rating-drawer">
          <Space size={16} align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={2} style={{ margin: 0 }}>{rating.score}</Typography.Title>
            <Stars stars={rating.stars} size={22} />
            <Badge status={rating.status === 'published' ? 'success' : 'default'} text={t(`ratings.status.${rating.status}`)} />
            {rating.adjusted ? <Tag color="blue">{t('ratings.adjusted')}</Tag> : null}
          </Space>
          <Divider titlePlacement="start">{t('ratings.detail')}</Divider>
          <BreakdownTable rating={rating} />
          <Divider titlePlacement="start">{t('ratings.vetoes')}</Divider>
          <VetoList rating={rating} />
          {rating.appeal ? (<><Divider titlePlacement="start">{t('ratings.appeal')}</Divider><AppealCard appeal={rating.appeal} /></>) : null}
          <AppealModal open={appealing} rating={rating} onClose={() => setAppealing(false)} onDone={onChanged} />
          {rating.appeal ? <AnswerModal open={answering} appealId={rating.appeal.id} stars={rating.stars} onClose={() => setAnswering(false)} onDone={onChanged} /> : null}
        </div>
      ) : null}
    </Drawer>
  );
}

function AppealModal({ open, rating, onClose, onDone }: { open: boolean; rating: Rating; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await appealRating(rating.id, v.reason, key);
      message.success(t('ratings.appealOk'));
      onClose();
      onDone();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('ratings.appealTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('ratings.ok')} cancelText={t('ratings.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('ratings.reason')} rules={[{ required: true, whitespace: true, message: t('ratings.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('ratings.reasonPh')} data-testid="appeal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnswerModal({ open, appealId, stars, onClose, onDone }: { open: boolean; appealId: string; stars: number; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'upheld' | 'rejected'; answer: string; stars: number | 'recompute' }>();
  const decision = Form.useWatch('decision', form);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await answerAppeal(appealId, { decision: v.decision, answer: v.answer, ...(v.decision === 'upheld' && v.stars !== 'recompute' ? { stars: v.stars } : {}) });
      message.success(t('ratings.answerOk'));
      onClose();
      onDone();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('ratings.answerTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('ratings.ok')} cancelText={t('ratings.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ decision: 'upheld', stars: Math.min(5, stars + 1) }}>
        <Form.Item name="decision" label={t('ratings.decision')}>
          <Radio.Group optionType="button" options={[{ value: 'upheld', label: t('ratings.upheld') }, { value: 'rejected', label: t('ratings.rejected') }]} />
        </Form.Item>
        {decision === 'upheld' ? (
          <Form.Item name="stars" label={t('ratings.setStars')}>
            <Select options={[...[5, 4, 3, 2, 1, 0].map((n) => ({ value: n as number | 'recompute', label: n > 0 ? t('ratings.starsText', { count: n }) : t('ratings.noStar') })), { value: 'recompute' as const, label: t('ratings.recompute') }]} />
          </Form.Item>
        ) : null}
        <Form.Item name="answer" label={t('ratings.answerText')} rules={[{ required: true, whitespace: true, message: t('ratings.answerRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('ratings.answerPh')} data-testid="answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

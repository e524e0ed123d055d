// 积分评定: households' assessments of a month — 户自查 (self-reported) → 组互评 (the grid's group agrees or not, item by
// item) → 村评定 (the community approves item by item, which awards the approved items' points, or returns it with a note).
import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../../shared/points.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { errorText } from '../../lib/api.ts';
import { actOnAssessment, listAssessments, type Assessment, type AssessmentAction } from './api.ts';
import { timeText, useCommunity } from './parts.tsx';
import './locales.ts';

export const STATUS_COLOURS: Record<AssessmentStatus, string> = { selfReported: 'gold', peerReviewed: 'blue', approved: 'green', returned: 'default' };

export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} data-testid="assessment-status">{t(`points.assessments.statuses.${status}`)}</Tag>;
}

export function AssessmentsPage() {
  const { t } = useTranslation();
  const { community, picker } = useCommunity();
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<AssessmentStatus | undefined>(undefined);
  const [open, setOpen] = useState<Assessment | null>(null);
  const filter = { orgUnitId: community?.id ?? '', period: period?.format('YYYY-MM'), status };
  const list = useCursorList((f: typeof filter, cursor, signal) => (f.orgUnitId ? listAssessments(f, cursor, signal) : Promise.resolve({ items: [], nextCursor: null, policies: [] })), filter);

  const columns: TableColumnsType<Assessment> = [
    {
      title: t('points.assessments.col.household'), key: 'household',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => setOpen(a)} data-testid="assessment-link">{a.headName ?? a.address}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.address}</Typography.Text>
        </Space>
      ),
    },
    { title: t('points.assessments.col.grid'), dataIndex: 'gridName', width: 170 },
    { title: t('points.assessments.col.period'), dataIndex: 'period', width: 100 },
    { title: t('points.assessments.col.items'), key: 'items', width: 100, render: (_: unknown, a) => t('points.assessments.claimedCount', { count: a.items.filter((i) => i.claimed).length }) },
    { title: t('points.assessments.col.status'), dataIndex: 'status', width: 120, render: (v: AssessmentStatus, a) => <Space size={4}><AssessmentStatusTag status={v} />{a.awardedPoints ? <Typography.Text type="success">+{a.awardedPoints}</Typography.Text> : null}</Space> },
    { title: t('points.assessments.col.updated'), key: 'updated', width: 160, render: (_: unknown, a) => timeText(a.decidedAt ?? a.peerAt ?? a.selfAt) },
    { title: t('points.assessments.col.actions'), key: 'actions', width: 90, render: (_: unknown, a) => <Button size="small" type="link" onClick={() => setOpen(a)} data-testid="assessment-open">{t('points.assessments.open')}</Button> },
  ];

  return (
    <div className="zz-page" data-testid="point-assessments-page">
      <PageHeader title={t('points.assessments.title')} subtitle={t('points.assessments.subtitle')} extra={
        <Space wrap>
          {picker}
          <DatePicker picker="month" value={period} onChange={setPeriod} placeholder={t('points.assessments.period')} data-testid="assessment-period" />
          <Select<AssessmentStatus> allowClear style={{ width: 140 }} placeholder={t('points.assessments.status')} value={status} onChange={setStatus} data-testid="assessment-status-filter"
            options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`points.assessments.statuses.${s}`) }))} />
        </Space>
      } />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <>
          <Table<Assessment> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.loading} pagination={false} data-testid="assessments-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.assessments.empty')} /> }} />
          {list.nextCursor ? <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.more} loading={list.loading}>{t('points.more')}</Button></div> : null}
        </>
      )}
      <AssessmentDrawer assessment={open} onClose={() => setOpen(null)} onDone={() => { setOpen(null); list.reload(); }} />
    </div>
  );
}

type Verdicts = Record<string, boolean | null>;

function AssessmentDrawer({ assessment: a, onClose, onDone }: { assessment: Assessment | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const stage: 'peer' | 'approved' | null = a?.policies.includes('peerReview') ? 'peer' : a?.policies.includes('approve') ? 'approved' : null;
  const [verdicts, setVerdicts] = useState<Verdicts>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<AssessmentAction | null>(null);
  useEffect(() => {
    // the village starts from the group's verdicts; the group from agreeing with every claimed item
    setVerdicts(Object.fromEntries((a?.items ?? []).map((i) => [i.ruleCode, i.claimed ? (stage === 'approved' ? (i.peer ?? true) : true) : null])));
    setNote('');
    setError(null);
  }, [a?.id, stage]); // eslint-disable-line react-hooks/exhaustive-deps

  const act = async (action: AssessmentAction) => {
    if (!a) return;
    if (action === 'return' && !note.trim()) return setError(t('points.assessments.returnRequired'));
    setBusy(action);
    setError(null);
    try {
      const items = a.items.map((i) => ({
        ruleCode: i.ruleCode, claimed: i.claimed, note: i.note,
        peer: action === 'peer-review' ? verdicts[i.ruleCode] ?? null : i.peer,
        approved: action === 'approve' ? verdicts[i.ruleCode] ?? null : i.approved,
      }));
      await actOnAssessment(a.id, action, action === 'return' ? { version: a.version, note: note.trim() } : { version: a.version, items, ...(note.trim() ? { note: note.trim() } : {}) });
      message.success(t(action === 'peer-review' ? 'points.assessments.peerOk' : action === 'approve' ? 'points.assessments.approveOk' : 'points.assessments.returnOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  const verdictTag = (v: boolean | null) => (v === null ? <Typography.Text type="secondary">{t('points.assessments.notYet')}</Typography.Text>
    : <Tag color={v ? 'green' : 'red'} bordered={false}>{v ? t('points.assessments.yes') : t('points.assessments.no')}</Tag>);
  type Item = Assessment['items'][number];
  const columns: TableColumnsType<Item> = [
    { title: t('points.assessments.item'), dataIndex: 'ruleName', render: (v: string, i) => <Space orientation="vertical" size={0}><span>{v}</span>{i.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.note}</Typography.Text> : null}</Space> },
    { title: t('points.pointsUnit'), dataIndex: 'points', width: 60, align: 'right' },
    { title: t('points.assessments.claimed'), dataIndex: 'claimed', width: 80, render: (v: boolean) => (v ? <Tag color="blue" bordered={false}>{t('points.assessments.claimedYes')}</Tag> : verdictTag(null)) },
    {
      title: t('points.assessments.peer'), key: 'peer', width: stage === 'peer' ? 170 : 90,
      render: (_: unknown, i) => (stage === 'peer' && i.claimed ? <VerdictInput value={verdicts[i.ruleCode] ?? null} onChange={(v) => setVerdicts({ ...verdicts, [i.ruleCode]: v })} /> : verdictTag(i.claimed ? i.peer : null)),
    },
    {
      title: t('points.assessments.approved'), key: 'approved', width: stage === 'approved' ? 170 : 90,
      render: (_: unknown, i) => (stage === 'approved' && i.claimed ? <VerdictInput value={verdicts[i.ruleCode] ?? null} onChange={(v) => setVerdicts({ ...verdicts, [i.ruleCode]: v })} /> : verdictTag(i.claimed ? i.approved : null)),
    },
  ];

  return (
    <Drawer open={!!a} onClose={onClose} size={760} title={a ? `${a.headName ?? a.address} · ${a.period}` : ''} destroyOnHidden data-testid="assessment-drawer"
      extra={a ? <AssessmentStatusTag status={a.status} /> : null}>
      {a ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} items={[
            { key: 'addr', label: t('points.assessments.col.household'), children: a.address },
            { key: 'grid', label: t('points.assessments.col.grid'), children: a.gridName },
            { key: 'self', label: t('points.assessments.selfAt'), children: timeText(a.selfAt) },
            { key: 'peer', label: t('points.assessments.peerAt'), children: a.peerAt ? `${timeText(a.peerAt)}${a.peerNote ? ` · ${a.peerNote}` : ''}` : '—' },
            { key: 'dec', label: t('points.assessments.decidedAt'), children: a.decidedAt ? `${timeText(a.decidedAt)}${a.decisionNote ? ` · ${a.decisionNote}` : ''}` : '—' },
          ]} />
          <Table<Item> rowKey="ruleCode" size="small" pagination={false} columns={columns} dataSource={a.items} data-testid="assessment-items" />
          {stage || a.policies.includes('return') ? (
            <>
              <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="assessment-note"
                placeholder={stage === 'peer' ? t('points.assessments.peerNote') : t('points.assessments.decisionNote')} />
              {error ? <Alert type="error" showIcon title={error} /> : null}
              <Space>
                {stage === 'peer' ? <Button type="primary" loading={busy === 'peer-review'} onClick={() => void act('peer-review')} data-testid="assessment-peer">{t('points.assessments.peerReview')}</Button> : null}
                {stage === 'approved' ? <Button type="primary" loading={busy === 'approve'} onClick={() => void act('approve')} data-testid="assessment-approve">{t('points.assessments.approve')}</Button> : null}
                {a.policies.includes('return') ? <Button danger loading={busy === 'return'} onClick={() => void act('return')} data-testid="assessment-return">{t('points.assessments.return')}</Button> : null}
              </Space>
            </>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

function VerdictInput({ value, onChange }: { value: boolean | null; onChange(v: boolean): void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group size="small" optionType="button" buttonStyle="solid" value={value === null ? undefined : value ? 'y' : 'n'} onChange={(e) => onChange(e.target.value === 'y')}
      options={[{ value: 'y', label: t('points.assessments.yes') }, { value: 'n', label: t('points.assessments.no') }]} data-testid="verdict" />
  );
}


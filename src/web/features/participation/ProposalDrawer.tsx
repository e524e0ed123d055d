// One proposal for staff: its text, supporters, comments, rating, the meetings it was on and its history; the actions
// the caller may take now (作出决定, 不予采纳, 开始实施, 报告结果, 上报上级) and a comment of their own.
import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Input, List, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_LIMITS } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { commentProposal, fetchProposal, newIdempotencyKey, proposalAction, type ProposalActionName, type ProposalDetail } from './api.ts';
import { dayText, FieldsDialog, LevelTag, ProposalStatusTag, timeText, type FieldSpec } from './parts.tsx';

const POLICY_OF: Record<ProposalActionName, ProposalDetail['policies'][number]> = {
  decide: 'decide', reject: 'reject', start: 'start', 'report-result': 'reportResult', 'send-up': 'sendUp',
};

export function ProposalDrawer({ proposalId, onClose, onChanged }: { proposalId: string | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const p = useApi(proposalId ? (signal) => fetchProposal(proposalId, signal) : null, [proposalId, tick]);
  const [dialog, setDialog] = useState<ProposalActionName | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const d = p.data;
  const L = PARTICIPATION_LIMITS;

  const fields: Record<Exclude<ProposalActionName, 'start'>, FieldSpec[]> = {
    decide: [
      { name: 'decision', label: t('participation.proposals.decision'), kind: 'textarea', required: true, max: L.body, placeholder: t('participation.proposals.decisionPh') },
      { name: 'ownerName', label: t('participation.proposals.owner'), required: true, max: 60, placeholder: t('participation.proposals.ownerPh') },
      { name: 'dueOn', label: t('participation.proposals.dueOn'), kind: 'date' },
    ],
    reject: [{ name: 'reason', label: t('participation.reason'), kind: 'textarea', required: true, max: L.reason, placeholder: t('participation.proposals.reasonPh') }],
    'report-result': [{ name: 'result', label: t('participation.proposals.result'), kind: 'textarea', required: true, max: L.body, placeholder: t('participation.proposals.resultPh') }],
    'send-up': [{ name: 'reason', label: t('participation.reason'), kind: 'textarea', required: true, max: L.reason, placeholder: t('participation.proposals.reasonPh') }],
  };
  const changed = () => { setTick((n) => n + 1); onChanged(); };
  const act = (action: ProposalActionName, body: Record<string, unknown>) => proposalAction(proposalId!, action, body, newIdempotencyKey());
  const start = async () => {
    try { await act('start', {}); void message.success(t('participation.proposals.done')); changed(); } catch (e) { void message.error(errorText(e, i18n.language)); }
  };
  const send = async () => {
    if (!comment.trim()) return;
    setSending(true);
    try { await commentProposal(proposalId!, comment.trim()); setComment(''); changed(); } catch (e) { void message.error(errorText(e, i18n.language)); } finally { setSending(false); }
  };
  const actions = (Object.keys(POLICY_OF) as ProposalActionName[]).filter((a) => d?.policies.includes(POLICY_OF[a]));

  return (
    <Drawer open={!!proposalId} onClose={onClose} size={640} title={d ? d.title : ' '} rootClassName="zz-proposal-drawer"
      extra={d ? <ProposalStatusTag value={d.status} /> : null}>
      {p.error ? <ErrorState error={p.error} onRetry={() => setTick((n) => n + 1)} /> : !d ? null : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {actions.length ? (
            <Space wrap>
              {actions.map((a) => (a === 'start'
                ? <Popconfirm key={a} title={t('participation.proposals.startConfirm')} okText={t('participation.ok')} cancelText={t('participation.cancel')} onConfirm={() => void start()}>
                  <Button type="primary" data-testid="proposal-start">{t('participation.proposals.actions.start')}</Button>
                </Popconfirm>
                : <Button key={a} type={a === 'decide' || a === 'report-result' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setDialog(a)} data-testid={`proposal-${a}`}>
                  {t(`participation.proposals.actions.${a}`)}
                </Button>))}
            </Space>
          ) : null}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('participation.councils.title')} span={2}><Space><LevelTag value={d.councilLevel} />{d.councilName}</Space></Descriptions.Item>
            <Descriptions.Item label={t('participation.proposals.col.proposer')}>{d.proposerName}</Descriptions.Item>
            <Descriptions.Item label={t('participation.proposals.col.created')}>{timeText(d.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('participation.proposals.col.supports')}><span data-testid="proposal-supports">{t('participation.proposals.supports', { count: d.supportCount })}</span></Descriptions.Item>
            <Descriptions.Item label={t('participation.proposals.ratingLabel')}>
              {d.ratingAverage != null ? t('participation.proposals.rating', { avg: d.ratingAverage.toFixed(1), count: d.ratingCount }) : t('participation.proposals.noRating')}
            </Descriptions.Item>
            <Descriptions.Item label={t('participation.proposals.body')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{d.body}</span></Descriptions.Item>
            {d.decision ? <Descriptions.Item label={t('participation.proposals.decision')} span={2}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="proposal-decision">{d.decision}</span></Descriptions.Item> : null}
            {d.ownerName ? <Descriptions.Item label={t('participation.proposals.owner')}>{d.ownerName}</Descriptions.Item> : null}
            {d.dueOn ? <Descriptions.Item label={t('participation.proposals.dueOn')}>{dayText(d.dueOn)}</Descriptions.Item> : null}
            {d.result ? <Descriptions.Item label={t('participation.proposals.result')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{d.result}</span></Descriptions.Item> : null}
          </Descriptions>
          <Space wrap>
            {d.sentUpFrom ? <Tag color="purple">{t('participation.proposals.sentUpFrom')}</Tag> : null}
            {d.sentUpTo ? <Tag color="purple" data-testid="proposal-sent-up">{t('participation.proposals.sentUpTo')}</Tag> : null}
            {d.matterId ? <Tag>{t('participation.proposals.fromMatter')}</Tag> : null}
            {d.meetings.map((m) => <Tag key={m.id} color="cyan">{m.title} · {dayText(m.startsAt)}</Tag>)}
          </Space>
          <div>
            <Typography.Title level={5}>{t('participation.proposals.comments')}</Typography.Title>
            {d.comments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.proposals.noComments')} /> : (
              <List size="small" dataSource={d.comments} data-testid="proposal-comments"
                renderItem={(c) => <List.Item><Space orientation="vertical" size={0}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.authorName} · {timeText(c.at)}</Typography.Text><span>{c.body}</span></Space></List.Item>} />
            )}
            {d.policies.includes('comment') ? (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={L.comment} placeholder={t('participation.proposals.commentPh')} onPressEnter={() => void send()} data-testid="proposal-comment-input" />
                <Button type="primary" loading={sending} onClick={() => void send()} data-testid="proposal-comment-send">{t('participation.proposals.send')}</Button>
              </Space.Compact>
            ) : null}
          </div>
          <div>
            <Typography.Title level={5}>{t('participation.proposals.timeline')}</Typography.Title>
            <Timeline items={d.timeline.map((e) => ({
              content: (
                <Space orientation="vertical" size={0}>
                  <span>{i18n.exists(`participation.proposals.events.${e.action}`) ? t(`participation.proposals.events.${e.action}`) : t('participation.proposals.timeline')}{e.byName ? ` · ${e.byName}` : ''}</span>
                  {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{timeText(e.at)}</Typography.Text>
                </Space>
              ),
            }))} />
          </div>
        </Space>
      )}
      {dialog && dialog !== 'start' ? (
        <FieldsDialog open title={t(`participation.proposals.dialogs.${dialog}`)} fields={fields[dialog]} testId="proposal-dialog"
          hint={dialog === 'send-up' ? t('participation.proposals.sendUpHint') : undefined}
          send={(v) => act(dialog, dialog === 'decide' ? { ...v, dueOn: v.dueOn ?? null } : v)}
          onClose={() => setDialog(null)} onDone={() => { setDialog(null); void message.success(t('participation.proposals.done')); changed(); }} />
      ) : null}
    </Drawer>
  );
}

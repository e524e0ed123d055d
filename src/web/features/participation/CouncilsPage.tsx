// 议事会: the councils of the caller's area (网格邻里会, 社区评议会, 街道联席会) with the party organisation that leads each and
// its convener; the proposals of the chosen council with their supporters and comments; one proposal opens in a drawer
// (decide, reject, start, report the result, send up). ?proposal=<id> opens that proposal (a link from 三事分流).
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { COUNCIL_LEVELS, PARTICIPATION_LIMITS, PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { createProposal, listCouncils, listProposals, newIdempotencyKey, saveCouncil, type Council, type Proposal, type ProposalFilter } from './api.ts';
import { FieldsDialog, LevelTag, ProposalStatusTag, timeText } from './parts.tsx';
import { ProposalDrawer } from './ProposalDrawer.tsx';
import './locales.ts';

export function CouncilsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const councils = useApi((signal) => listCouncils(undefined, signal), []);
  const [councilId, setCouncilId] = useState<string | null>(null);
  const [status, setStatus] = useState<ProposalStatus | undefined>();
  const [editing, setEditing] = useState<Council | null>(null);
  const [creating, setCreating] = useState(false);
  const proposalId = params.get('proposal');

  const sorted = useMemo(() => [...(councils.data?.items ?? [])].sort((a, b) =>
    COUNCIL_LEVELS.indexOf(b.level) - COUNCIL_LEVELS.indexOf(a.level) || a.name.localeCompare(b.name, 'zh-CN', { numeric: true })), [councils.data]);
  // the first council with open proposals, else the first one
  useEffect(() => {
    if (!councilId && sorted.length) setCouncilId((sorted.find((c) => c.openProposals > 0) ?? sorted[0]!).id);
  }, [sorted, councilId]);
  const council = sorted.find((c) => c.id === councilId) ?? null;
  const filter: ProposalFilter = { councilId: councilId ?? undefined, status };
  const proposals = useCursorList(listProposals, filter);

  const open = (id: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (id) n.set('proposal', id); else n.delete('proposal'); return n; });

  const columns: TableColumnsType<Proposal> = [
    {
      title: t('participation.proposals.col.title'), key: 'title',
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => open(p.id)} data-testid="proposal-link">{p.title}</Typography.Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 420 }}>{p.body}</Typography.Text>
        </Space>
      ),
    },
    { title: t('participation.proposals.col.proposer'), dataIndex: 'proposerName', width: 100 },
    { title: t('participation.proposals.col.supports'), dataIndex: 'supportCount', width: 70, align: 'right' },
    { title: t('participation.proposals.col.comments'), dataIndex: 'commentCount', width: 70, align: 'right' },
    { title: t('participation.proposals.col.status'), dataIndex: 'status', width: 110, render: (s: ProposalStatus) => <ProposalStatusTag value={s} /> },
    { title: t('participation.proposals.col.created'), dataIndex: 'createdAt', width: 140, render: (v: string) => timeText(v) },
  ];

  if (councils.error) return <div className="zz-page"><ErrorState error={councils.error} onRetry={councils.reload} /></div>;
  return (
    <div className="zz-page" data-testid="councils-page">
      <PageHeader title={t('participation.councils.title')} subtitle={t('participation.councils.subtitle')} />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Card size="small" style={{ width: 340, flex: 'none' }} loading={councils.loading}>
          {sorted.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.councils.empty')} /> : (
            <List dataSource={sorted} data-testid="council-list" renderItem={(c) => (
              <List.Item onClick={() => { setCouncilId(c.id); setStatus(undefined); }} data-testid="council-item" data-id={c.id}
                style={{ cursor: 'pointer', padding: '8px 10px', borderRadius: 6, background: c.id === councilId ? 'rgba(31,95,168,0.08)' : undefined }}
                extra={c.policies.includes('update') ? <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('participation.councils.edit')}
                  onClick={(e) => { e.stopPropagation(); setEditing(c); }} data-testid="council-edit" /> : null}>
                <Space orientation="vertical" size={2}>
                  <Space size={4}><LevelTag value={c.level} /><Typography.Text strong>{c.name}</Typography.Text></Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('participation.councils.partyOrg')}：{c.partyOrg} · {t('participation.councils.leader')}：{c.leaderName ?? t('participation.councils.noLeader')}</Typography.Text>
                  <Space size={4}>
                    {c.openProposals ? <Tag color="gold">{t('participation.councils.openProposals', { count: c.openProposals })}</Tag> : null}
                    {c.upcomingMeetings ? <Tag color="cyan">{t('participation.councils.nextMeetings', { count: c.upcomingMeetings })}</Tag> : null}
                  </Space>
                </Space>
              </List.Item>
            )} />
          )}
        </Card>
        <Card size="small" style={{ flex: 1, minWidth: 0 }}
          title={council ? <Space><LevelTag value={council.level} />{council.name}<Typography.Text type="secondary">{t('participation.councils.proposals')}</Typography.Text></Space> : t('participation.councils.pick')}
          extra={council ? (
            <Space>
              <Select allowClear style={{ width: 130 }} placeholder={t('participation.councils.statusFilter')} value={status} onChange={(v?: ProposalStatus) => setStatus(v)}
                options={PROPOSAL_STATUSES.map((x) => ({ value: x, label: t(`participation.proposalStatus.${x}`) }))} data-testid="proposal-filter-status" />
              {proposals.canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="proposal-create">{t('participation.councils.newProposal')}</Button> : null}
            </Space>
          ) : null}>
          {!council ? null : proposals.error ? <ErrorState error={proposals.error} onRetry={proposals.reload} /> : (
            <>
              <Table<Proposal> rowKey="id" size="middle" columns={columns} dataSource={proposals.items} loading={proposals.loading} pagination={false}
                onRow={(p) => ({ 'data-testid': 'proposal-row', 'data-id': p.id } as React.HTMLAttributes<HTMLElement>)}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.councils.proposalEmpty')} /> }} />
              {proposals.nextCursor ? <Button block style={{ marginTop: 8 }} onClick={proposals.more}>{t('participation.more')}</Button> : null}
            </>
          )}
        </Card>
      </div>
      <ProposalDrawer proposalId={proposalId} onClose={() => open(null)} onChanged={() => { proposals.reload(); councils.reload(); }} />
      {council ? (
        <FieldsDialog open={creating} title={t('participation.proposals.newTitle')} testId="proposal-new"
          fields={[
            { name: 'title', label: t('participation.proposals.titleLabel'), required: true, max: PARTICIPATION_LIMITS.title },
            { name: 'body', label: t('participation.proposals.bodyLabel'), kind: 'textarea', required: true, max: PARTICIPATION_LIMITS.body },
          ]}
          send={(v) => createProposal({ councilId: council.id, title: v.title!, body: v.body! }, newIdempotencyKey())}
          onClose={() => setCreating(false)} onDone={() => { setCreating(false); void message.success(t('participation.proposals.created')); proposals.reload(); councils.reload(); }} />
      ) : null}
      <CouncilDialog council={editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); void message.success(t('participation.councils.saved')); councils.reload(); }}
        save={async (c, v) => { try { await saveCouncil(c.id, v); return null; } catch (e) { return errorText(e, i18n.language); } }} />
    </div>
  );
}

function CouncilDialog({ council, onClose, onDone, save }: {
  council: Council | null; onClose(): void; onDone(): void; save(c: Council, v: { partyOrg: string; leaderName: string | null }): Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partyOrg: string; leaderName?: string }>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { if (council) { form.setFieldsValue({ partyOrg: council.partyOrg, leaderName: council.leaderName ?? '' }); setError(null); } }, [council, form]);
  const submit = async () => {
    if (!council) return;
    // a field left wrong shows its message under it: nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const problem = await save(council, { partyOrg: v.partyOrg.trim(), leaderName: v.leaderName?.trim() || null });
    if (problem) setError(problem); else onDone();
  };
  return (
    <Modal open={!!council} title={t('participation.councils.editTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('participation.ok')} cancelText={t('participation.cancel')}>
      <Typography.Paragraph strong>{council?.name}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="partyOrg" label={t('participation.councils.partyOrg')} rules={[{ required: true, whitespace: true, message: t('participation.required', { field: t('participation.councils.partyOrg') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="leaderName" label={t('participation.councils.leader')}><Input maxLength={30} /></Form.Item>
      </Form>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Modal>
  );
}

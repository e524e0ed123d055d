// 党员亮身份: the registry's party members of the reader's scope for a year — their commitments (践承诺), the 微阵地 where
// they serve and their stars (评星级); organisers write the commitments, rate the stars with a note, and add 微阵地.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Rate, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_LIMITS } from '../../../shared/volunteers.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { newIdempotencyKey, useCommunity } from '../points/public.ts';
import { createPartyPost, listPartyMembers, listPartyPosts, rateStars, saveCommitments, type PartyMember, type PartyPost } from './api.ts';
import './locales.ts';

export function PartyPage() {
  const { t } = useTranslation();
  const { community, picker } = useCommunity();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const members = useApi(community ? (signal) => listPartyMembers(year, community.id, signal) : null, [year, community?.id]);
  const posts = useApi(community ? (signal) => listPartyPosts(community.id, signal) : null, [community?.id]);
  const [committing, setCommitting] = useState<PartyMember | null>(null);
  const [rating, setRating] = useState<PartyMember | null>(null);
  const [addingPost, setAddingPost] = useState(false);
  const columns: TableColumnsType<PartyMember> = [
    { title: t('volunteers.party.col.name'), dataIndex: 'name', width: 120, render: (v: string) => <Space size={4}><Tag color="red" bordered={false}>{t('volunteers.party.badge')}</Tag><span data-testid="party-name">{v}</span></Space> },
    { title: t('volunteers.party.col.grid'), dataIndex: 'gridName', width: 170 },
    { title: t('volunteers.party.col.post'), dataIndex: 'postName', width: 170, render: (v: string | null) => v ?? '—' },
    {
      title: t('volunteers.party.col.commitments'), dataIndex: 'commitments',
      render: (v: string[]) => (v.length ? <ol style={{ margin: 0, paddingInlineStart: 18 }} data-testid="party-commitments">{v.map((c) => <li key={c}>{c}</li>)}</ol>
        : <Typography.Text type="secondary">{t('volunteers.party.noCommitments')}</Typography.Text>),
    },
    { title: t('volunteers.party.col.stars'), dataIndex: 'stars', width: 150, render: (v: number | null, m) => (v ? <Space orientation="vertical" size={0}><Rate disabled value={v} style={{ fontSize: 14 }} />{m.starsNote ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.starsNote}</Typography.Text> : null}</Space> : '—') },
    {
      title: t('volunteers.party.col.actions'), key: 'a', width: 120,
      render: (_: unknown, m) => (
        <Space size={0}>
          {m.policies.includes('commit') ? <Button size="small" type="link" onClick={() => setCommitting(m)} data-testid="party-commit">{t('volunteers.party.editCommitments')}</Button> : null}
          {m.policies.includes('rate') ? <Button size="small" type="link" onClick={() => setRating(m)} data-testid="party-rate">{t('volunteers.party.rate')}</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <div className="zz-page" data-testid="party-page">
      <PageHeader title={t('volunteers.party.title')} subtitle={t('volunteers.party.subtitle')} extra={
        <Space wrap>{picker}<Select<number> value={year} onChange={setYear} style={{ width: 110 }} data-testid="party-year"
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}` }))} /></Space>
      } />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {members.error ? <ErrorState error={members.error} onRetry={members.reload} /> : (
          <Table<PartyMember> rowKey={(m) => m.residentId ?? m.name} size="middle" columns={columns} dataSource={members.data?.items ?? []} loading={members.loading}
            pagination={{ pageSize: 30, hideOnSinglePage: true }} data-testid="party-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.party.empty')} /> }} />
        )}
        <Card size="small" title={t('volunteers.party.posts')} extra={(posts.data?.policies.includes('create') || members.data?.policies.includes('createPost')) && community ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingPost(true)} data-testid="post-add">{t('volunteers.party.addPost')}</Button> : null}>
          {posts.error ? <ErrorState error={posts.error} onRetry={posts.reload} /> : (
            <Table<PartyPost> rowKey="id" size="small" pagination={false} dataSource={posts.data?.items ?? []} loading={posts.loading} data-testid="post-table"
              columns={[{ title: t('volunteers.party.pcol.name'), dataIndex: 'name' }, { title: t('volunteers.party.pcol.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' }]}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.party.noPosts')} /> }} />
          )}
        </Card>
      </Space>
      {committing ? <CommitmentsDialog member={committing} year={year} posts={posts.data?.items ?? []} onClose={() => setCommitting(null)} onDone={() => { setCommitting(null); members.reload(); }} /> : null}
      {rating ? <StarsDialog member={rating} year={year} onClose={() => setRating(null)} onDone={() => { setRating(null); members.reload(); }} /> : null}
      {addingPost && community ? <PostDialog orgUnitId={community.id} onClose={() => setAddingPost(false)} onDone={() => { setAddingPost(false); posts.reload(); }} /> : null}
    </div>
  );
}

function CommitmentsDialog({ member, year, posts, onClose, onDone }: { member: PartyMember; year: number; posts: PartyPost[]; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<string[]>(member.commitments.length ? member.commitments : ['']);
  const [postId, setPostId] = useState<string | null>(member.postId);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!member.residentId) return;
    setSaving(true);
    try {
      const commitments = items.map((x) => x.trim()).filter(Boolean);
      if (!commitments.length) { setError(t('volunteers.required', { field: t('volunteers.party.commitment') })); return; }
      await saveCommitments(member.residentId, { year, postId, commitments });
      message.success(t('volunteers.party.commitOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('volunteers.party.commitTitle', { name: member.name, year })} onOk={() => void save()} confirmLoading={saving}
      okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')} okButtonProps={{ 'data-testid': 'commit-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('volunteers.party.commitment')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {items.map((c, i) => (
              <Space.Compact key={i} style={{ width: '100%' }}>
                <Input value={c} maxLength={VOLUNTEER_LIMITS.commitment} placeholder={t('volunteers.party.commitmentPh')} onChange={(e) => setItems(items.map((x, j) => (j === i ? e.target.value : x)))} data-testid="commit-input" />
                <Button icon={<DeleteOutlined />} onClick={() => setItems(items.filter((_x, j) => j !== i))} disabled={items.length === 1} />
              </Space.Compact>
            ))}
            {items.length < VOLUNTEER_LIMITS.commitments ? <Button type="dashed" icon={<PlusOutlined />} onClick={() => setItems([...items, ''])}>{t('volunteers.party.addCommitment')}</Button> : null}
          </Space>
        </Form.Item>
        <Form.Item label={t('volunteers.party.post')}>
          <Select allowClear value={postId ?? undefined} onChange={(v) => setPostId(v ?? null)} placeholder={t('volunteers.party.noPost')} options={posts.filter((p) => p.policies.includes('assign')).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function StarsDialog({ member, year, onClose, onDone }: { member: PartyMember; year: number; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [stars, setStars] = useState(member.stars ?? 0);
  const [note, setNote] = useState(member.starsNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!member.residentId) return;
    if (!stars) return setError(t('volunteers.party.starsNeeded'));
    setSaving(true);
    try {
      await rateStars(member.residentId, { year, stars, note: note.trim() || null });
      message.success(t('volunteers.party.rateOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('volunteers.party.rateTitle', { name: member.name, year })} onOk={() => void save()} confirmLoading={saving}
      okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')} okButtonProps={{ 'data-testid': 'rate-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('volunteers.party.col.stars')} required><Rate value={stars} onChange={setStars} data-testid="rate-stars" /></Form.Item>
        <Form.Item label={t('volunteers.party.starsNote')}><Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="rate-note" /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function PostDialog({ orgUnitId, onClose, onDone }: { orgUnitId: string; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    if (!name.trim()) return setError(t('volunteers.required', { field: t('volunteers.party.postForm.name') }));
    setSaving(true);
    try {
      await createPartyPost({ orgUnitId, name: name.trim(), address: address.trim() || null }, key.current);
      message.success(t('volunteers.party.postOk'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('volunteers.party.postForm.title')} onOk={() => void save()} confirmLoading={saving}
      okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('volunteers.party.postForm.name')} required><Input value={name} maxLength={60} placeholder={t('volunteers.party.postForm.namePh')} onChange={(e) => setName(e.target.value)} /></Form.Item>
        <Form.Item label={t('volunteers.party.postForm.address')}><Input value={address} maxLength={200} onChange={(e) => setAddress(e.target.value)} /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

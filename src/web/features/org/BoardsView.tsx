// The command center and the four boards of one town: posts with their A, B and back-up holders, posts without holders
// flagged. The town's administrators add, edit, retire and restore posts and set their holders (the server's policies
// say who may do what).
import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { CrownOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { fetchPosts, updatePost, type PostList, type TownPost } from './posts-api.ts';
import { PostFormModal, PostHoldersModal } from './PostModals.tsx';
import { refusalText } from './refusal-text.ts';
import './locales.ts';

const BOARD_COLORS: Record<string, string> = { ZH: '#c0392b', DJ: '#d4380d', JJ: '#1f5fa8', MS: '#389e0d', PA: '#531dab' };

type Holder = TownPost['holders']['a'];
type Editing = { kind: 'add'; boardId: string } | { kind: 'edit' | 'holders'; post: TownPost } | null;

function HolderLine({ label, holder, mine }: { label: string; holder: Holder; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="zz-holder">
      {label}：{holder ? <Typography.Text strong={mine} type={mine ? 'danger' : undefined}>{holder.name}</Typography.Text> : <Typography.Text type="warning">{t('boards.vacant')}</Typography.Text>}
    </span>
  );
}

function PostRow({ post, myId, onEdit, onChanged }: { post: TownPost; myId: string; onEdit(e: Editing): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = (p: TownPost['policies'][number]) => post.policies.includes(p);
  const retire = async (retired: boolean) => {
    try {
      await updatePost(post.id, { retired });
      message.success(t(retired ? 'orgAdmin.posts.retiredDone' : 'orgAdmin.posts.restored', { name: post.name }));
      onChanged();
    } catch (e) {
      message.error(refusalText(e, i18n.language, t));
    }
  };
  return (
    <div className="zz-post" data-testid={`post-${post.code}`} data-staffing={post.staffing}>
      <span>
        <Typography.Text delete={post.retired}>{post.name}</Typography.Text>
        {post.special ? <Tag color="orange" style={{ marginLeft: 6 }}>{t('boards.special')}</Tag> : null}
        {post.retired ? <Tag style={{ marginLeft: 6 }}>{t('orgAdmin.posts.retired')}</Tag>
          : post.staffing === 'vacant' ? <Tag color="red" style={{ marginLeft: 6 }}>{t('orgAdmin.posts.vacant')}</Tag>
          : post.staffing === 'partial' ? <Tag color="gold" style={{ marginLeft: 6 }}>{t('orgAdmin.posts.partial')}</Tag> : null}
        {post.openCases > 0 ? <Tag color="blue" style={{ marginLeft: 6 }}>{t('orgAdmin.posts.openCases', { count: post.openCases })}</Tag> : null}
      </span>
      <Space size={12} wrap>
        <HolderLine label={t('boards.holderA')} holder={post.holders.a} mine={post.holders.a?.id === myId} />
        <HolderLine label={t('boards.holderB')} holder={post.holders.b} mine={post.holders.b?.id === myId} />
        {post.holders.backup ? <HolderLine label={t('orgAdmin.posts.backup')} holder={post.holders.backup} mine={post.holders.backup.id === myId} /> : null}
        {can('setHolders') ? <Button size="small" type="link" onClick={() => onEdit({ kind: 'holders', post })} data-testid="post-set-holders">{t('orgAdmin.posts.setHolders')}</Button> : null}
        {can('edit') ? <Button size="small" type="link" onClick={() => onEdit({ kind: 'edit', post })}>{t('orgAdmin.posts.edit')}</Button> : null}
        {can('retire') ? (
          <Popconfirm title={t('orgAdmin.posts.retireConfirm', { name: post.name })} okButtonProps={{ danger: true }} onConfirm={() => retire(true)}>
            <Button size="small" type="link" danger>{t('orgAdmin.posts.retire')}</Button>
          </Popconfirm>
        ) : null}
        {can('restore') ? <Button size="small" type="link" onClick={() => void retire(false)}>{t('orgAdmin.posts.restore')}</Button> : null}
      </Space>
    </div>
  );
}

function BoardCard({ board, list, myId, onEdit, onChanged }: {
  board: PostList['boards'][number]; list: PostList; myId: string; onEdit(e: Editing): void; onChanged(): void;
}) {
  const { t } = useTranslation();
  const color = BOARD_COLORS[board.code] ?? '#1f5fa8';
  const posts = list.items.filter((p) => p.boardId === board.id);
  return (
    <Card
      size="small" data-testid={`board-${board.code}`}
      title={<Space>{board.kind === 'commandCenter' ? <CrownOutlined style={{ color }} /> : <TeamOutlined style={{ color }} />}{board.name}</Space>}
      extra={<Space size={8}>
        <Tag color={board.kind === 'commandCenter' ? 'red' : 'blue'}>{board.kind === 'commandCenter' ? t('boards.commandCenter') : t('boards.posts', { count: posts.length })}</Tag>
        {list.policies.includes('create') ? (
          <Tooltip title={t('orgAdmin.posts.add')}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'add', boardId: board.id })} data-testid="post-add" />
          </Tooltip>
        ) : null}
      </Space>}
      styles={{ header: { borderTop: `3px solid ${color}` } }}
    >
      {posts.length ? posts.map((p) => <PostRow key={p.id} post={p} myId={myId} onEdit={onEdit} onChanged={onChanged} />)
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

export function BoardsView({ townId, myId }: { townId: string; myId: string }) {
  const { t } = useTranslation();
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const list = useApi((signal) => fetchPosts(townId, showRetired, signal), [townId, showRetired]);
  if (list.loading && !list.data) return <FullPageSpin />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const data = list.data;
  if (!data?.boards.length) return <Empty description={t('boards.noBoards')} style={{ marginTop: 48 }} />;
  const saved = () => { setEditing(null); list.reload(); };
  const card = (b: PostList['boards'][number]) => <BoardCard key={b.id} board={b} list={data} myId={myId} onEdit={setEditing} onChanged={list.reload} />;
  return (
    <div data-testid="boards-view">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {data.policies.includes('create') ? (
          <Space><Switch size="small" checked={showRetired} onChange={setShowRetired} />{t('orgAdmin.posts.showRetired')}</Space>
        ) : null}
        {data.boards.filter((b) => b.kind === 'commandCenter').map(card)}
        <div className="zz-board-grid">{data.boards.filter((b) => b.kind !== 'commandCenter').map(card)}</div>
      </Space>
      {editing?.kind === 'add' ? <PostFormModal list={data} boardId={editing.boardId} onClose={() => setEditing(null)} onSaved={saved} /> : null}
      {editing?.kind === 'edit' ? <PostFormModal list={data} post={editing.post} onClose={() => setEditing(null)} onSaved={saved} /> : null}
      {editing?.kind === 'holders' ? <PostHoldersModal list={data} post={editing.post} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </div>
  );
}

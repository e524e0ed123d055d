// The command center and the four boards of one town: posts with their A and B holders.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { CrownOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { fetchBoards, type Board, type Holder } from './api.ts';

const BOARD_COLORS: Record<string, string> = { ZH: '#c0392b', DJ: '#d4380d', JJ: '#1f5fa8', MS: '#389e0d', PA: '#531dab' };

function HolderLine({ label, holder, mine }: { label: string; holder: Holder | null; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="zz-holder">
      {label}：{holder ? <Typography.Text strong={mine} type={mine ? 'danger' : undefined}>{holder.name}</Typography.Text> : <Typography.Text type="warning">{t('boards.vacant')}</Typography.Text>}
    </span>
  );
}

function BoardCard({ board, myId }: { board: Board; myId: string }) {
  const { t } = useTranslation();
  const color = BOARD_COLORS[board.code] ?? '#1f5fa8';
  return (
    <Card
      size="small" data-testid={`board-${board.code}`}
      title={<Space>{board.kind === 'commandCenter' ? <CrownOutlined style={{ color }} /> : <TeamOutlined style={{ color }} />}{board.name}</Space>}
      extra={<Tag color={board.kind === 'commandCenter' ? 'red' : 'blue'}>{board.kind === 'commandCenter' ? t('boards.commandCenter') : t('boards.posts', { count: board.posts.length })}</Tag>}
      styles={{ header: { borderTop: `3px solid ${color}` } }}
    >
      {board.posts.length ? board.posts.map((p) => (
        <div key={p.id} className="zz-post">
          <span>
            {p.name}{p.special ? <Tag color="orange" style={{ marginLeft: 6 }}>{t('boards.special')}</Tag> : null}
          </span>
          <Space size={12}>
            <HolderLine label={t('boards.holderA')} holder={p.holderA} mine={p.holderA?.id === myId} />
            <HolderLine label={t('boards.holderB')} holder={p.holderB} mine={p.holderB?.id === myId} />
          </Space>
        </div>
      )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

export function BoardsView({ townId, myId }: { townId: string; myId: string }) {
  const { t } = useTranslation();
  const boards = useApi((signal) => fetchBoards(townId, signal), [townId]);
  if (boards.loading) return <FullPageSpin />;
  if (boards.error) return <ErrorState error={boards.error} onRetry={boards.reload} />;
  const items = boards.data ?? [];
  if (!items.length) return <Empty description={t('boards.noBoards')} style={{ marginTop: 48 }} />;
  const center = items.filter((b) => b.kind === 'commandCenter');
  const rest = items.filter((b) => b.kind !== 'commandCenter');
  return (
    <div data-testid="boards-view">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {center.map((b) => <BoardCard key={b.id} board={b} myId={myId} />)}
        <div className="zz-board-grid">{rest.map((b) => <BoardCard key={b.id} board={b} myId={myId} />)}</div>
      </Space>
    </div>
  );
}

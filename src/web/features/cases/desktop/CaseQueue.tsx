// The workbench queue: one card per case with its category, number, place, assignee and live countdown.
import { Empty, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../api.ts';
import { formatTime } from './clocks.ts';
import { Countdown, StatusTag } from './tags.tsx';

interface Props { cases: CaseSummary[]; selectedId: string | null; flashIds: ReadonlySet<string>; communityOf(c: CaseSummary): string | undefined; onOpen(id: string): void }

export function CaseQueue({ cases, selectedId, flashIds, communityOf, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  if (!cases.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wcase.workbench.empty')} style={{ marginTop: 48 }} />;
  return (
    <ul className="zz-queue" data-testid="case-queue">
      {cases.map((c) => (
        <li
          key={c.id} data-testid="queue-item" data-case-id={c.id} data-number={c.number}
          className={`zz-queue-item ${selectedId === c.id ? 'is-selected' : ''} ${flashIds.has(c.id) ? 'is-new' : ''}`}
          onClick={() => onOpen(c.id)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(c.id); }} tabIndex={0} role="button"
        >
          <div className="zz-queue-row">
            <Space size={6} className="zz-queue-title">
              <strong>{c.categoryName}</strong>
              {c.source === 'hotline' ? <Tag icon={<PhoneOutlined />} color="cyan" style={{ marginInlineEnd: 0 }}>12345</Tag> : null}
            </Space>
            <Countdown deadlines={c.deadlines} suspended={c.suspended} />
          </div>
          <Typography.Paragraph className="zz-queue-desc" ellipsis={{ rows: 1 }}>{c.description}</Typography.Paragraph>
          <div className="zz-queue-row zz-queue-meta">
            <span className="zz-queue-number">{c.number}</span>
            <StatusTag status={c.status} />
          </div>
          <div className="zz-queue-row zz-queue-meta">
            <span className="zz-ellipsis"><EnvironmentOutlined /> {[communityOf(c), c.address].filter(Boolean).join(' · ') || '—'}</span>
            {c.assignee ? <span className="zz-ellipsis"><UserOutlined /> {c.assignee.name}</span> : <span>{formatTime(c.createdAt, i18n.language)}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

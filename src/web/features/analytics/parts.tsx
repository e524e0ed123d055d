// Small parts shared by the hot spot and project pages: a trend figure and the project status tag.
import { Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CircleProjectStatus } from '../../../shared/analytics.ts';

export function TrendText({ change, direction }: { change: number; direction: 'up' | 'down' | 'flat' }) {
  const { t } = useTranslation();
  const icon = direction === 'up' ? <ArrowUpOutlined /> : direction === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />;
  return (
    <span className={`zz-hot-${direction}`} title={t(`analytics.directions.${direction}`)} data-testid="trend">
      {icon} {change > 0 ? `+${change}` : change}
    </span>
  );
}

export const STATUS_COLORS: Record<CircleProjectStatus, string> = { planned: 'blue', underway: 'orange', done: 'green', dropped: 'default' };

export function ProjectStatusTag({ status }: { status: CircleProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="project-status">{t(`analytics.projects.statuses.${status}`)}</Tag>;
}

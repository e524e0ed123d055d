// One icon per org level, used in the tree and lists.
import { ApartmentOutlined, BankOutlined, BorderOutlined, AppstoreOutlined, HomeOutlined, StarOutlined, GlobalOutlined } from '@ant-design/icons';
import type { OrgLevel } from '../../../shared/org-levels.ts';

const ICONS: Record<OrgLevel, typeof HomeOutlined> = {
  city: GlobalOutlined, district: BankOutlined, town: ApartmentOutlined, community: HomeOutlined,
  grid: AppstoreOutlined, microGrid: BorderOutlined, dedicatedGrid: StarOutlined,
};

export function LevelIcon({ level }: { level: OrgLevel }) {
  const Icon = ICONS[level];
  return <Icon style={{ color: level === 'dedicatedGrid' ? '#7b4fa0' : '#1f5fa8' }} />;
}

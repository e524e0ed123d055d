// 我的网格: a grid worker at a computer: their grid on the map with its open cases coloured by SLA light, the grid's
// queue by stage and its history, the case drawer with what they may do (verify, resolve on the spot).
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { Workbench } from './WorkbenchPage.tsx';
import '../locales.ts';
import './desktop.css';

export function GridPage() {
  const { t } = useTranslation();
  const me = useMe();
  const gridId = me.grids[0]?.gridId ?? (me.scopeOrgUnit?.level === 'grid' ? me.scopeOrgUnit.id : undefined);
  if (!gridId) {
    return (
      <div data-testid="my-grid-page">
        <PageHeader title={t('cviews.grid.title')} subtitle={t('cviews.grid.subtitle')} />
        <Empty description={t('cviews.grid.noGrid')} style={{ marginTop: 64 }} />
      </div>
    );
  }
  const name = me.scopeOrgUnit?.id === gridId ? me.scopeOrgUnit.name : null;
  return <Workbench testId="my-grid-page" unitId={gridId} title={name ? `${t('cviews.grid.title')} · ${name}` : t('cviews.grid.title')} subtitle={t('cviews.grid.subtitle')} />;
}

// One card a level (镇街, 村社区, 网格): its item count by list type, the estimated hours a month of one doer, and the
// 12-month trend of its count; clicking a card shows that level's list.
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_LEVELS, LIST_TYPES, type DutyLevel } from '../../../shared/duties.ts';
import type { Catalog } from './api.ts';
import { Sparkline } from './Sparkline.tsx';
import { LIST_COLORS } from './list-colors.ts';

export function LevelCards({ catalog, level, onLevel }: { catalog: Catalog; level: DutyLevel; onLevel: (l: DutyLevel) => void }) {
  const { t } = useTranslation();
  const lightest = DUTY_LEVELS.reduce((a, b) => (catalog.burden[b].hours < catalog.burden[a].hours ? b : a));
  return (
    <div className="zz-duty-cards">
      {DUTY_LEVELS.map((l) => {
        const b = catalog.burden[l];
        const counts = catalog.counts[l];
        const trend = catalog.trend.map((m) => m.counts[l].total);
        return (
          <Card key={l} size="small" hoverable onClick={() => onLevel(l)} className={l === level ? 'zz-duty-card zz-duty-card-on' : 'zz-duty-card'} data-testid={`duty-card-${l}`}
            title={<Space>{t(`duties.levelLists.${l}`)}<Typography.Text type="secondary">{counts.total}</Typography.Text></Space>}
            extra={l === lightest ? <Tag color="green">{t('duties.burden.lightest')}</Tag> : null}>
            <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
              {LIST_TYPES.map((lt) => <Tag key={lt} color={LIST_COLORS[lt]}>{t(`duties.listTypes.${lt}`)} {counts[lt]}</Tag>)}
            </Space>
            <div className="zz-duty-burden" data-testid={`duty-burden-${l}`}>
              <Typography.Text type="secondary">{t(`duties.doers.${l}`)}</Typography.Text>
              <div><span className="zz-duty-hours">{b.hours}</span> <Typography.Text type="secondary">{t('duties.burden.perMonth')}</Typography.Text></div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('duties.burden.catalogPart', { hours: b.catalogHours })}
                {b.registry ? ` · ${t('duties.burden.registryPart', { hours: b.registry.hours })}` : ''}
              </Typography.Text>
              {b.registry ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {t('duties.burden.registryDetail', { visits: b.registry.keyVisits, inspections: b.registry.inspections, checks: b.registry.buildingChecks, workers: b.registry.gridWorkers })}
                </Typography.Paragraph>
              ) : null}
            </div>
            <Tooltip title={`${t('duties.trend.title')}：${trend[0]} → ${trend[trend.length - 1]}`}>
              <div style={{ marginTop: 8 }}><Sparkline values={trend} labels={catalog.trend.map((m) => m.month)} width={220} testId={`duty-trend-${l}`} /></div>
            </Tooltip>
          </Card>
        );
      })}
    </div>
  );
}

// A grid's earlier boundaries, newest first, each with the date it stopped being the boundary and its outline
// drawn beside the current one.
import { Empty, List, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Geometry, Position } from 'geojson';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { boundsOf, type Bounds } from '../../ui/map/geometry.ts';
import { SELECTED_COLOR } from '../../ui/map/palette.ts';
import type { OrgUnitDetail } from './api.ts';
import { fetchBoundaryHistory } from './unit-admin-api.ts';
import './unit-admin-locales.ts';

const W = 120, H = 90;

const rings = (g: Geometry): Position[][] => g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
const vertexCount = (g: Geometry) => rings(g).reduce((n, r) => n + Math.max(r.length - 1, 0), 0);

/** Outlines scaled into a small box; both share the bounds so a moved edge shows. */
function Outline({ geometries, b }: { geometries: { g: Geometry; color: string; dash?: boolean }[]; b: Bounds }) {
  const k = Math.min(W / (b[2] - b[0] || 1), H / (b[3] - b[1] || 1)) * 0.9;
  const path = (g: Geometry) => rings(g).map((r) => r.map(([x, y], i) => `${i ? 'L' : 'M'}${((x! - b[0]) * k + 4).toFixed(1)},${(H - (y! - b[1]) * k - 4).toFixed(1)}`).join('') + 'Z').join('');
  return (
    <svg width={W} height={H} style={{ background: '#f5f7fa', borderRadius: 4, flex: 'none' }}>
      {geometries.map((x, i) => <path key={i} d={path(x.g)} fill="none" stroke={x.color} strokeWidth={1.5} strokeDasharray={x.dash ? '3 2' : undefined} />)}
    </svg>
  );
}

export function BoundaryHistoryModal({ unit, onClose }: { unit: OrgUnitDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const history = useApi((signal) => fetchBoundaryHistory(unit.id, signal), [unit.id]);
  const fmt = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Modal open title={t('unitAdmin.historyTitle', { name: unit.name })} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      {history.loading ? <Skeleton active /> : history.error ? <ErrorState error={history.error} onRetry={history.reload} /> : history.data?.length ? (
        <List
          data-testid="boundary-history" dataSource={history.data}
          renderItem={(h) => {
            const b = boundsOf([h.geometry, unit.geometry]);
            return (
              <List.Item>
                {b ? <Outline b={b} geometries={[...(unit.geometry ? [{ g: unit.geometry, color: SELECTED_COLOR }] : []), { g: h.geometry, color: '#5b6472', dash: true }]} /> : null}
                <div style={{ flex: 1, marginLeft: 16 }}>
                  <div>{t('unitAdmin.until', { at: fmt(h.validUntil) })}</div>
                  <Typography.Text type="secondary">{t('unitAdmin.vertices', { count: vertexCount(h.geometry) })}</Typography.Text>
                </div>
              </List.Item>
            );
          }}
        />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unitAdmin.historyEmpty')} />}
      {history.data?.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}><span style={{ color: SELECTED_COLOR }}>━</span> {t('unitAdmin.current')}</Typography.Text> : null}
    </Modal>
  );
}

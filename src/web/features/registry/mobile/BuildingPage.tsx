// 楼栋图 on the phone (/m/registry/buildings/:id): the building's units as tabs, each a grid of floors (top floor
// first) × flats; a flat shows its number, the head's name and its members' tags as coloured marks, so the old people
// living alone of a building show at a glance. A tap opens the flat's household file.
import { useMemo, useState } from 'react';
import { Button, DotLoading, ErrorBlock, Tabs } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, MobilePage } from '../../cases/public.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { fetchBuildingLayout, type BuildingLayout, type LayoutRoom } from './api.ts';
import { TagList, type TagNames } from './resident-ui.tsx';
import { useTagNames } from './RegistrySearchPage.tsx';
import { needsVisits, sortTags, tagColor, tagName } from './tags.ts';
import './locales.ts';
import './registry-mobile.css';

const MARKS = 4;

export function BuildingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const layout = useApi((signal) => fetchBuildingLayout(id, signal), [id]);
  const { names } = useTagNames();

  if (layout.loading && !layout.data) {
    return <MobilePage title={t('mreg.title.building')} back="/m/registry?tab=buildings"><div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div></MobilePage>;
  }
  if (!layout.data) {
    const notFound = layout.error instanceof ApiError && (layout.error.status === 404 || layout.error.status === 403);
    return (
      <MobilePage title={t('mreg.title.building')} back="/m/registry?tab=buildings" testId="building-page">
        <ErrorBlock status={notFound ? 'empty' : 'default'} title={notFound ? t('mreg.building.notFound') : errorText(layout.error, i18n.language)}
          description={notFound ? '' : <Button size="small" onClick={layout.reload}>{t('mreg.common.retry')}</Button>} />
      </MobilePage>
    );
  }
  return <BuildingView layout={layout.data} names={names} />;
}

function BuildingView({ layout, names }: { layout: BuildingLayout; names: TagNames }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const b = layout.building;
  const [unitNo, setUnitNo] = useState(String(layout.units[0]?.unitNo ?? 1));
  const unit = layout.units.find((u) => String(u.unitNo) === unitNo) ?? layout.units[0];
  // the tags present in this building, for the legend
  const present = useMemo(() => sortTags([...new Set(layout.units.flatMap((u) => u.floors.flatMap((f) => f.rooms.flatMap((r) => r.tags))))]), [layout]);
  const open = (householdId: string) => navigate(`/m/registry/households/${householdId}`);

  return (
    <MobilePage title={b.name} back="/m/registry?tab=buildings" testId="building-page">
      <Card testId="building-head">
        <div className="mr-building-head">
          <span className="mr-name" data-testid="building-name">{b.name}</span>
          {b.address ? <span className="mr-sub">{b.address}</span> : null}
          <span className="mc-hint">
            {t('mreg.building.size', { units: b.units, floors: b.floors, rooms: b.roomsPerFloor })} · {t('mreg.building.households', { count: b.householdCount })}
          </span>
        </div>
        {present.length > 0 ? (
          <div className="mr-legend" style={{ marginTop: 10 }} data-testid="building-legend">
            {present.map((c) => <span key={c}><i style={{ background: tagColor(c) }} />{tagName(t, c, names.get(c))}</span>)}
          </div>
        ) : null}
      </Card>

      <div className="mc-card" data-testid="building-grid">
        {layout.units.length === 0 || !unit ? <ErrorBlock status="empty" title={t('mreg.building.noUnits')} description="" /> : (
          <>
            {layout.units.length > 1 ? (
              <Tabs activeKey={String(unit.unitNo)} onChange={setUnitNo}
                style={{ '--title-font-size': '15px', '--active-line-color': '#d2402f', '--active-title-color': '#d2402f' }}>
                {layout.units.map((u) => (
                  <Tabs.Tab key={String(u.unitNo)} title={<span data-testid="unit-tab" data-unit={u.unitNo}>{t('mreg.building.unit', { unit: u.unitNo })}</span>} />
                ))}
              </Tabs>
            ) : null}
            <div className="mc-card-body">
              <div className="mc-hint" style={{ marginBottom: 8 }}>{t('mreg.building.tapHint')}</div>
              <div className="mr-floors" data-testid="floors" data-unit={unit.unitNo}>
                {unit.floors.map((f) => (
                  <div className="mr-floor" key={f.floorNo} data-floor={f.floorNo}>
                    <span className="mr-floor-no" aria-label={t('mreg.building.floor', { floor: f.floorNo })}>{f.floorNo}</span>
                    {f.rooms.map((r) => <RoomCell key={r.roomNo} r={r} onOpen={open} names={names} />)}
                  </div>
                ))}
              </div>
            </div>
          </>
        )}
      </div>

      {layout.unplaced.length > 0 ? (
        <Card title={t('mreg.building.unplaced', { count: layout.unplaced.length })} testId="building-unplaced">
          {layout.unplaced.map((h) => (
            <div key={h.householdId} className="mr-case" role="link" tabIndex={0} onClick={() => open(h.householdId)}
              onKeyDown={(e) => { if (e.key === 'Enter') open(h.householdId); }}>
              <span style={{ fontWeight: 600 }}>{h.address}</span>
              <span className="mc-hint">{h.headName ?? ''}</span>
              <TagList codes={h.tags} names={names} max={4} />
            </div>
          ))}
        </Card>
      ) : null}
    </MobilePage>
  );
}

function RoomCell({ r, onOpen, names }: { r: LayoutRoom; onOpen(id: string): void; names: TagNames }) {
  const { t } = useTranslation();
  const tags = sortTags(r.tags);
  if (!r.householdId) {
    return (
      <div className="mr-room mr-vacant" data-testid="room" data-room={r.roomNo} data-vacant="true" title={t('mreg.building.vacant')}>
        <span className="mr-room-no">{r.roomNo}</span>
      </div>
    );
  }
  const id = r.householdId;
  // the border says someone here needs visits (独居老人, 留守儿童 …); 党员 and 志愿者 are marks only
  const cared = tags.find(needsVisits);
  const label = tags.map((c) => tagName(t, c, names.get(c))).join('、');
  return (
    <button type="button" className={`mr-room${cared ? ' mr-marked' : ''}`} style={cared ? { borderColor: tagColor(cared) } : undefined}
      onClick={() => onOpen(id)} data-testid="room" data-room={r.roomNo} data-household={id} data-tags={tags.join(' ')} title={label || undefined}>
      <span className="mr-room-no">{r.roomNo}</span>
      {r.headName ? <span className="mr-room-head">{r.headName}</span> : null}
      {tags.length > 0 ? (
        <span className="mr-room-marks">
          {tags.slice(0, MARKS).map((c) => <i key={c} style={{ background: tagColor(c) }} />)}
        </span>
      ) : null}
    </button>
  );
}

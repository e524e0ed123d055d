// 楼栋图 (/registry/buildings/:id): the building as units × floors × rooms, top floor first; each room shows its
// household's head, how many live there and its members' tags as coloured marks (the legend names them). Picking
// tags highlights the rooms holding them — the old people living alone of a building at a glance. A room opens its
// household file; an empty room offers to register a household there. Below: hazards, things and changes.
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, List, Result, Select, Space, Tooltip, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fetchBuilding, fetchLayout, savedId, type BuildingDetail, type BuildingLayout, type LayoutRoom } from './api.ts';
import { BuildingDrawer, HouseholdDrawer } from './forms.tsx';
import { HistoryList } from './HistoryList.tsx';
import { RiskTag, useEnumLabel } from './parts.tsx';
import { HazardList } from './sections.tsx';
import { HazardCreateModal, type HazardAt } from './hazard-forms.tsx';
import { TagDot, tagColour, TagsProvider, useTags } from './tags.tsx';
import './locales.ts';
import './registry.css';

export function BuildingPage() {
  const { id = '' } = useParams();
  return <TagsProvider><BuildingView id={id} /></TagsProvider>;
}

function BuildingView({ id }: { id: string }) {
  const { t } = useTranslation();
  const layout = useApi((signal) => fetchLayout(id, signal), [id]);
  const detail = useApi((signal) => fetchBuilding(id, signal), [id]);
  const reload = () => { layout.reload(); detail.reload(); };
  const error = layout.error ?? detail.error;
  if (error) {
    return error instanceof ApiError && (error.status === 404 || error.status === 403)
      ? <Result status="404" title={t('registry.building.title')} subTitle={t('registry.building.notFound')} extra={<Link to="/registry/buildings">{t('registry.actions.back')}</Link>} />
      : <ErrorState error={error} onRetry={reload} />;
  }
  if (!layout.data) return <Card loading />;
  return <Drawing layout={layout.data} detail={detail.data} reload={reload} />;
}

type RoomAt = { unitNo: number; floorNo: number; room: LayoutRoom };

function Drawing({ layout, detail, reload }: { layout: BuildingLayout; detail: BuildingDetail | undefined; reload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { nameOf } = useTags();
  const label = useEnumLabel();
  const b = layout.building;
  const [highlight, setHighlight] = useState<string[]>([]);
  const [adding, setAdding] = useState<RoomAt | null>(null);
  const [editing, setEditing] = useState(false);
  const [hazardAt, setHazardAt] = useState<HazardAt | null>(null);
  const rooms = layout.units.flatMap((u) => u.floors.flatMap((f) => f.rooms));
  // the legend: the tags met in this building, most frequent first, with how many households hold each
  const counts = new Map<string, number>();
  for (const r of [...rooms, ...layout.unplaced]) for (const tag of r.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const legend = [...counts].filter(([code]) => nameOf(code)).sort((a, b2) => b2[1] - a[1]);
  const lit = (r: { tags: string[] }) => highlight.length > 0 && r.tags.some((tag) => highlight.includes(tag));
  const litCount = rooms.filter(lit).length;
  const registered = rooms.filter((r) => r.householdId).length;
  const canAdd = b.policies.includes('addHousehold');

  const open = (at: RoomAt) => {
    if (at.room.householdId) navigate(`/registry/households/${at.room.householdId}`);
    else if (canAdd) setAdding(at);
  };

  return (
    <div data-testid="building-page">
      <PageHeader
        title={`${t('registry.building.title')} · ${b.name}`}
        subtitle={t('registry.building.subtitle', { name: b.address ?? b.gridName, units: b.units, floors: b.floors, rooms: b.roomsPerFloor })}
        extra={<>
          {b.policies.includes('update') ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="building-edit">{t('registry.building.editBuilding')}</Button> : null}
          <Link to="/registry/buildings"><Button>{t('registry.actions.back')}</Button></Link>
        </>}
      />
      <div className="zz-page">
        <div className="zz-reg-toolbar">
          <Space wrap>
            <span>{t('registry.building.highlight')}</span>
            <Select
              mode="multiple" allowClear value={highlight} onChange={setHighlight} placeholder={t('registry.building.highlightHint')} style={{ minWidth: 280 }}
              options={legend.map(([code, n]) => ({ value: code, label: `${nameOf(code)}（${n}）` }))} data-testid="building-highlight"
            />
            {highlight.length ? <Typography.Text type="secondary" data-testid="building-lit">{t('registry.building.highlighted', { count: litCount })}</Typography.Text> : null}
          </Space>
          <Space wrap size={[12, 4]} className="zz-reg-legend" data-testid="building-legend">
            <Typography.Text type="secondary">{t('registry.building.legend')}</Typography.Text>
            {legend.length === 0 ? <Typography.Text type="secondary">{t('registry.building.noTagsHere')}</Typography.Text> : legend.map(([code, n]) => (
              <span key={code} className="zz-reg-legend-item" onClick={() => setHighlight((h) => (h.includes(code) ? h.filter((x) => x !== code) : [...h, code]))}>
                <span className="zz-reg-dot" style={{ background: tagColour(code) }} />{nameOf(code)} <Typography.Text type="secondary">{n}</Typography.Text>
              </span>
            ))}
          </Space>
        </div>
        {registered === 0 && layout.unplaced.length === 0 ? <Typography.Paragraph type="secondary" data-testid="building-no-rooms">{t('registry.building.noRooms')}</Typography.Paragraph> : null}
        <div className="zz-reg-building" data-testid="building-grid">
          {layout.units.map((u) => (
            <div key={u.unitNo} className="zz-reg-unit" data-testid={`unit-${u.unitNo}`}>
              <div className="zz-reg-unit-head">{t('registry.building.unit', { n: u.unitNo })}</div>
              {u.floors.map((f) => (
                <div key={f.floorNo} className="zz-reg-floor">
                  <div className="zz-reg-floor-no">{t('registry.building.floor', { n: f.floorNo })}</div>
                  {f.rooms.map((r) => (
                    <RoomCell key={r.roomNo} room={r} lit={lit(r)} dim={highlight.length > 0 && !lit(r)} canAdd={canAdd}
                      onOpen={() => open({ unitNo: u.unitNo, floorNo: f.floorNo, room: r })} />
                  ))}
                </div>
              ))}
            </div>
          ))}
        </div>
        {layout.unplaced.length ? (
          <Card size="small" title={t('registry.building.unplaced')} style={{ marginTop: 16 }}>
            <List size="small" dataSource={layout.unplaced} renderItem={(h) => (
              <List.Item key={h.householdId}>
                <Link to={`/registry/households/${h.householdId}`}>{h.address}</Link>
                <Space size={4}>{h.headName ?? ''}{h.tags.map((tag) => <TagDot key={tag} code={tag} />)}</Space>
              </List.Item>
            )} />
          </Card>
        ) : null}
      </div>

      <div className="zz-reg-file" style={{ marginTop: 16 }}>
        <Card size="small" title={t('registry.building.facts')}>
          <Descriptions size="small" column={1} items={[
            { key: 'grid', label: t('registry.col.grid'), children: b.gridName },
            { key: 'address', label: t('registry.col.address'), children: b.address ?? '—' },
            { key: 'layout', label: t('registry.col.layout'), children: `${b.units} × ${b.floors} × ${b.roomsPerFloor}` },
            { key: 'households', label: t('registry.col.households'), children: b.householdCount },
            { key: 'structure', label: t('registry.col.structure'), children: b.structure || '—' },
            { key: 'built', label: t('registry.col.builtYear'), children: b.builtYear ?? '—' },
          ]} />
        </Card>
        <Card size="small" title={t('registry.building.things')}>
          {detail?.things.length ? (
            <List size="small" dataSource={detail.things} renderItem={(x) => (
              <List.Item key={x.id} extra={<RiskTag level={x.riskLevel} />}><Link to={`/registry/things/${x.id}`}>{x.name}</Link> <Typography.Text type="secondary">{label('thingKind', x.kind)}</Typography.Text></List.Item>
            )} />
          ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.building.noThings')} />}
        </Card>
        <Card
          size="small" title={t('registry.building.hazards')} className="zz-reg-wide" data-testid="building-hazards"
          extra={b.policies.includes('update') ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setHazardAt({ buildingId: b.id, where: b.name })} data-testid="hazard-add">{t('registry.hazard.add')}</Button>
          ) : null}
        >
          <HazardList items={detail?.hazards ?? []} emptyText={t('registry.building.noHazards')} reload={reload} />
        </Card>
        <Card size="small" title={t('registry.building.history')} className="zz-reg-wide">
          <HistoryList items={detail?.history ?? []} emptyText={t('registry.household.noHistory')} />
        </Card>
      </div>
      <HouseholdDrawer
        open={adding !== null} record={null} onClose={() => setAdding(null)}
        preset={adding ? { buildingId: b.id, unitNo: adding.unitNo, floorNo: adding.floorNo, roomNo: adding.room.roomNo } : undefined}
        onSaved={(saved) => { setAdding(null); const id = savedId(saved); if (id) navigate(`/registry/households/${id}`); else reload(); }}
      />
      <HazardCreateModal at={hazardAt} onClose={() => setHazardAt(null)} onSaved={() => { setHazardAt(null); reload(); }} />
      <BuildingDrawer open={editing} record={b} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
    </div>
  );
}

function RoomCell({ room, lit, dim, canAdd, onOpen }: { room: LayoutRoom; lit: boolean; dim: boolean; canAdd: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const { nameOf } = useTags();
  const empty = !room.householdId;
  const tip = empty ? (canAdd ? t('registry.building.addHere') : t('registry.building.vacant'))
    : [t('registry.building.openHousehold'), ...room.tags.map(nameOf).filter(Boolean)].join(' · ');
  return (
    <Tooltip title={tip} mouseEnterDelay={0.4}>
      <button
        type="button" onClick={onOpen} disabled={empty && !canAdd}
        className={['zz-reg-room', empty ? 'is-empty' : '', lit ? 'is-lit' : '', dim ? 'is-dim' : ''].join(' ')}
        data-testid={`room-${room.roomNo}`} data-household={room.householdId ?? ''} data-lit={String(lit)} data-tags={room.tags.join(' ')}
      >
        <span className="zz-reg-room-no" translate="no">{room.roomNo}</span>
        {empty ? <span className="zz-reg-room-head zz-muted">{t('registry.building.vacant')}</span> : (
          <>
            <span className="zz-reg-room-head">{room.headName ?? t('registry.building.headless')}</span>
            <span className="zz-reg-room-marks">
              {room.memberCount ? <span className="zz-reg-room-count">{t('registry.building.people', { count: room.memberCount })}</span> : null}
              {room.tags.map((tag) => <TagDot key={tag} code={tag} />)}
            </span>
          </>
        )}
      </button>
    </Tooltip>
  );
}

// The columns of each registry list: names not codes, personal numbers masked (查看 where `policies` allow, audited),
// tags as coloured chips, links to the household file, the building view and the detail pages.
import { Button, Space, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { RegistryKind } from '../../../shared/registry.ts';
import { revealPlace, revealResident, type Building, type Household, type Place, type Resident, type Thing } from './api.ts';
import { MaskedValue, RiskTag, useEnumLabel } from './parts.tsx';
import { TagChips } from './tags.tsx';

type Row = Resident | Household | Building | Place | Thing;

/** A household's place in its building: "3栋 2 单元 501 室", or nothing outside a building. */
export function useRoomText() {
  const { t } = useTranslation();
  return (h: { buildingName: string | null; unitNo: number | null; roomNo: string | null }) =>
    h.buildingName ? t('registry.household.room', { building: h.buildingName, unit: h.unitNo ?? '—', room: h.roomNo ?? '—' }) : '';
}

const ageOf = (birthDate: string) => dayjs().diff(dayjs(birthDate), 'year');

export function useColumns(kind: RegistryKind, onEdit: (row: Row) => void): ColumnsType<Row> {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const room = useRoomText();
  const edit = (row: Row) => (row.policies.includes('update' as never)
    ? <Button type="link" size="small" onClick={() => onEdit(row)} data-testid="row-edit">{t('registry.actions.edit')}</Button> : null);
  const grid = { title: t('registry.col.grid'), dataIndex: 'gridName', width: 150, ellipsis: true };

  switch (kind) {
    case 'residents': return ([
      { title: t('registry.col.name'), dataIndex: 'name', width: 100, render: (name: string) => <span data-testid="resident-name">{name}</span> },
      { title: t('registry.col.gender'), dataIndex: 'gender', width: 60, render: (g: string) => label('gender', g) },
      { title: t('registry.col.age'), dataIndex: 'birthDate', width: 70, render: (b: string) => t('registry.ageYears', { count: ageOf(b) }) },
      { title: t('registry.col.idNumber'), key: 'idNumber', width: 230, render: (_: unknown, r: Resident) => (
        <MaskedValue masked={r.idNumber} canReveal={r.policies.includes('revealIdNumber')} reveal={() => revealResident(r.id, 'idNumber')} testId="resident-id-number" />
      ) },
      { title: t('registry.col.phone'), key: 'phone', width: 170, render: (_: unknown, r: Resident) => (
        <MaskedValue masked={r.phone} canReveal={r.policies.includes('revealPhone')} reveal={() => revealResident(r.id, 'phone')} testId="resident-phone" />
      ) },
      { title: t('registry.col.household'), key: 'household', ellipsis: true, render: (_: unknown, r: Resident) => (r.householdId
        ? <Link to={`/registry/households/${r.householdId}`}>{r.householdAddress}</Link> : <span className="zz-muted">—</span>) },
      { title: t('registry.col.relation'), dataIndex: 'relation', width: 90, render: (v: string | null) => label('relation', v) },
      { title: t('registry.col.tags'), key: 'tags', width: 220, render: (_: unknown, r: Resident) => <TagChips codes={r.tags} hidden={r.hiddenTags} /> },
      grid,
      { title: t('registry.col.actions'), key: 'actions', width: 80, fixed: 'right', render: (_: unknown, r: Resident) => edit(r) },
    ] as ColumnsType<Resident>) as ColumnsType<Row>;
    case 'households': return ([
      { title: t('registry.col.address'), key: 'address', ellipsis: true, render: (_: unknown, h: Household) => (
        <Link to={`/registry/households/${h.id}`} data-testid="household-link">{h.address}</Link>
      ) },
      { title: t('registry.col.room'), key: 'room', width: 200, ellipsis: true, render: (_: unknown, h: Household) => room(h) || <span className="zz-muted">—</span> },
      { title: t('registry.col.head'), dataIndex: 'headName', width: 100, render: (v: string | null) => v ?? <span className="zz-muted">{t('registry.household.noHead')}</span> },
      { title: t('registry.col.members'), dataIndex: 'memberCount', width: 70 },
      { title: t('registry.col.residenceKind'), dataIndex: 'residenceKind', width: 90, render: (v: string) => label('residenceKind', v) },
      { title: t('registry.col.tags'), key: 'tags', width: 220, render: (_: unknown, h: Household) => <TagChips codes={h.tags} hidden={h.hiddenTags} /> },
      grid,
      { title: t('registry.col.actions'), key: 'actions', width: 150, fixed: 'right', render: (_: unknown, h: Household) => (
        <Space size={0}><Link to={`/registry/households/${h.id}`}><Button type="link" size="small">{t('registry.actions.householdFile')}</Button></Link>{edit(h)}</Space>
      ) },
    ] as ColumnsType<Household>) as ColumnsType<Row>;
    case 'buildings': return ([
      { title: t('registry.col.buildingName'), key: 'name', render: (_: unknown, b: Building) => <Link to={`/registry/buildings/${b.id}`} data-testid="building-link">{b.name}</Link> },
      { title: t('registry.col.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
      { title: t('registry.col.layout'), key: 'layout', width: 140, render: (_: unknown, b: Building) => `${b.units} × ${b.floors} × ${b.roomsPerFloor}` },
      { title: t('registry.col.households'), dataIndex: 'householdCount', width: 80 },
      grid,
      { title: t('registry.col.actions'), key: 'actions', width: 150, fixed: 'right', render: (_: unknown, b: Building) => (
        <Space size={0}><Link to={`/registry/buildings/${b.id}`}><Button type="link" size="small">{t('registry.actions.buildingView')}</Button></Link>{edit(b)}</Space>
      ) },
    ] as ColumnsType<Building>) as ColumnsType<Row>;
    case 'places': return ([
      { title: t('registry.col.placeName'), key: 'name', render: (_: unknown, p: Place) => <Link to={`/registry/places/${p.id}`}>{p.name}</Link> },
      { title: t('registry.col.kind'), dataIndex: 'kind', width: 80, render: (v: string) => label('placeKind', v) },
      { title: t('registry.col.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
      { title: t('registry.col.contact'), key: 'contact', width: 240, render: (_: unknown, p: Place) => (
        <Space size={6}>{p.contactName ?? ''}<MaskedValue masked={p.contactPhone} canReveal={p.policies.includes('revealPhone')} reveal={() => revealPlace(p.id)} /></Space>
      ) },
      grid,
      { title: t('registry.col.actions'), key: 'actions', width: 80, fixed: 'right', render: (_: unknown, p: Place) => edit(p) },
    ] as ColumnsType<Place>) as ColumnsType<Row>;
    case 'things': return ([
      { title: t('registry.col.thingName'), key: 'name', render: (_: unknown, x: Thing) => <Link to={`/registry/things/${x.id}`}>{x.name}</Link> },
      { title: t('registry.col.kind'), dataIndex: 'kind', width: 100, render: (v: string) => label('thingKind', v) },
      { title: t('registry.col.risk'), dataIndex: 'riskLevel', width: 100, render: (v: string) => <RiskTag level={v} /> },
      { title: t('registry.col.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
      { title: t('registry.col.inspectEvery'), dataIndex: 'inspectionEveryDays', width: 100, render: (v: number | null) => (v ? t('registry.everyDays', { count: v }) : '—') },
      { title: t('registry.col.lastInspected'), dataIndex: 'lastInspectedOn', width: 110, render: (v: string | null) => v ?? '—' },
      { title: t('registry.col.nextInspection'), dataIndex: 'nextInspectionOn', width: 110, render: (v: string | null) => (v
        ? <Typography.Text type={v < dayjs().format('YYYY-MM-DD') ? 'danger' : undefined}>{v}</Typography.Text> : '—') },
      grid,
      { title: t('registry.col.actions'), key: 'actions', width: 80, fixed: 'right', render: (_: unknown, x: Thing) => edit(x) },
    ] as ColumnsType<Thing>) as ColumnsType<Row>;
  }
}

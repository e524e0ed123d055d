// The create and edit drawers of residents, households, buildings, places and things. Each sends what its schema
// takes; an edit sends the version it read (a stale one is refused) and leaves a masked number untouched unless a
// new one is typed.
import { useMemo, useState } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import { PLACE_KINDS, REGISTRY_LIMITS, RELATIONS, RESIDENCE_KINDS, RISK_LEVELS, THING_KINDS, type RegistryKind } from '../../../shared/registry.ts';
import { labelPoint } from '../../../shared/geometry.ts';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import type * as org from '../../../server/org/schemas.ts';
import {
  createBuilding, createHousehold, createPlace, createResident, createThing, listRecords, newKey, updateBuilding, updateHousehold,
  updatePlace, updateResident, updateThing, type Building, type Household, type Place, type Resident, type Thing,
} from './api.ts';
import { GridSelect, useEnumOptions } from './parts.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';
import { TagSelect } from './tags.tsx';

const L = REGISTRY_LIMITS;
const orNull = <T,>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

export interface DrawerProps<T> { open: boolean; record: T | null; onClose: () => void; onSaved: (saved: unknown) => void; preset?: Record<string, unknown> }

function useTexts(kind: RegistryKind) {
  const { t } = useTranslation();
  const one = t(`registry.kindsOne.${kind}`);
  return {
    t,
    title: (editing: boolean) => t(editing ? 'registry.form.titleEdit' : 'registry.form.titleNew', { kind: one }),
    required: (field: string) => ({ required: true, message: t('registry.form.required', { field: t(`registry.form.${field}`) }) }),
    choose: (field: string) => ({ required: true, message: t('registry.form.choose', { field: t(`registry.form.${field}`) }) }),
  };
}

/** Households found by address or head's name, for a resident's household. */
function HouseholdSelect({ value, onChange, placeholder }: { value?: string; onChange?: (v: string | undefined) => void; placeholder?: string }) {
  const [q, setQ] = useState('');
  const found = useApi((signal) => listRecords<Household>('households', { q: q || undefined }, 1, 20, signal), [q]);
  const options = (found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.address}${h.headName ? ` · ${h.headName}` : ''}` }));
  return (
    <Select allowClear value={value} onChange={(v) => onChange?.(v ?? undefined)} placeholder={placeholder} data-testid="household-select"
      showSearch={{ filterOption: false, onSearch: setQ }} loading={found.loading} options={options} />
  );
}

/** Buildings found by name, for a household, a place or a thing. */
function BuildingSelect({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const [q, setQ] = useState('');
  const found = useApi((signal) => listRecords<Building>('buildings', { q: q || undefined }, 1, 20, signal), [q]);
  return (
    <Select allowClear value={value} onChange={(v) => onChange?.(v ?? undefined)} data-testid="building-select"
      showSearch={{ filterOption: false, onSearch: setQ }} loading={found.loading}
      options={(found.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} />
  );
}

/** Longitude and latitude, with a button that puts the point in the middle of the chosen grid. */
function LocationFields({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const gridId = Form.useWatch('gridId', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const centre = async () => {
    if (!gridId) return;
    setBusy(true);
    try {
      const unit = await api<Static<typeof org.UnitWithGeometry>>(`/api/org-units/${encodeURIComponent(gridId)}`);
      const p = unit.geometry ? labelPoint(unit.geometry as never) : null;
      if (p) form.setFieldsValue({ location: { lng: Number(p[0].toFixed(6)), lat: Number(p[1].toFixed(6)) } });
    } finally { setBusy(false); }
  };
  const rule = required ? [{ required: true, message: t('registry.form.required', { field: t('registry.form.lng') }) }] : [];
  const ruleLat = required ? [{ required: true, message: t('registry.form.required', { field: t('registry.form.lat') }) }] : [];
  return (
    <Form.Item label={t('registry.form.lng') + ' / ' + t('registry.form.lat')} extra={t('registry.form.locationHint')} required={required} style={{ marginBottom: 12 }}>
      <Row gutter={8} wrap={false}>
        <Col flex="1"><Form.Item name={['location', 'lng']} rules={rule} noStyle><InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} placeholder={t('registry.form.lng')} data-testid="field-lng" /></Form.Item></Col>
        <Col flex="1"><Form.Item name={['location', 'lat']} rules={ruleLat} noStyle><InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} placeholder={t('registry.form.lat')} data-testid="field-lat" /></Form.Item></Col>
        <Col><Button icon={<AimOutlined />} disabled={!gridId} loading={busy} onClick={() => void centre()} data-testid="grid-centre">{t('registry.form.gridCentre')}</Button></Col>
      </Row>
    </Form.Item>
  );
}

// ---------------------------------------------------------------------------------------------------------------------

interface ResidentValues { name: string; idNumber?: string; phone?: string; householdId?: string; relation?: string; gridId?: string; tags?: string[]; partyMember?: boolean; note?: string }

export function ResidentDrawer({ open, record, onClose, onSaved, preset }: DrawerProps<Resident>) {
  const { t, title, required } = useTexts('residents');
  const [form] = Form.useForm<ResidentValues>();
  const options = useEnumOptions();
  const key = useMemo(() => newKey(), [open]); // one per opening: a retry of the same save reuses it
  const householdId = Form.useWatch('householdId', form);
  const fixedHousehold = typeof preset?.householdId === 'string';
  const initial: Partial<ResidentValues> = record
    ? { name: record.name, householdId: record.householdId ?? undefined, relation: record.relation ?? undefined, gridId: record.gridId, tags: record.tags, partyMember: record.partyMember, note: record.note ?? undefined }
    : { tags: [], partyMember: false, ...(preset as Partial<ResidentValues>) };
  const save = (v: ResidentValues) => {
    const common = {
      name: v.name.trim(), householdId: orNull(v.householdId), relation: orNull(v.relation) as Resident['relation'],
      tags: v.tags ?? [], partyMember: v.partyMember ?? false, note: orNull(v.note?.trim()),
      ...(v.gridId && !v.householdId ? { gridId: v.gridId } : {}),
    };
    if (record) {
      return updateResident(record.id, {
        version: record.version, ...common,
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}), ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      });
    }
    return createResident({ ...common, idNumber: (v.idNumber ?? '').trim(), phone: orNull(v.phone?.trim()) }, key);
  };
  return (
    <RecordDrawer<ResidentValues> open={open} title={title(!!record)} form={form} initialValues={initial} save={save} onClose={onClose} onSaved={onSaved}
      fieldNames={['name', 'idNumber', 'phone', 'householdId', 'relation', 'gridId', 'tags', 'partyMember', 'note']} testId="resident-drawer">
      <Form.Item name="name" label={t('registry.form.name')} rules={[required('name')]}><Input maxLength={L.name} data-testid="field-name" /></Form.Item>
      <Form.Item name="idNumber" label={t('registry.form.idNumber')} rules={record ? [] : [required('idNumber')]}
        extra={record ? `${record.idNumber} · ${t('registry.form.keepPhone')}` : t('registry.form.idNumberHint')}>
        <Input maxLength={40} translate="no" data-testid="field-idNumber" />
      </Form.Item>
      <Form.Item name="phone" label={t('registry.form.phone')} extra={record?.phone ? `${record.phone} · ${t('registry.form.keepPhone')}` : undefined}>
        <Input maxLength={30} translate="no" data-testid="field-phone" />
      </Form.Item>
      {fixedHousehold ? <Form.Item name="householdId" hidden><Input /></Form.Item> : (
        <Form.Item name="householdId" label={t('registry.form.household')} extra={t('registry.form.householdHint')}><HouseholdSelect /></Form.Item>
      )}
      <Form.Item name="relation" label={t('registry.form.relation')}>
        <Select allowClear options={options('relation', RELATIONS)} data-testid="field-relation" />
      </Form.Item>
      {householdId ? null : (
        <Form.Item name="gridId" label={t('registry.form.grid')} rules={[{ required: true, message: t('registry.form.choose', { field: t('registry.form.grid') }) }]}>
          <GridSelect testId="field-grid" />
        </Form.Item>
      )}
      <Form.Item name="tags" label={t('registry.form.tags')}><TagSelect testId="field-tags" /></Form.Item>
      <Form.Item name="partyMember" valuePropName="checked"><Checkbox>{t('registry.form.partyMember')}</Checkbox></Form.Item>
      <Form.Item name="note" label={t('registry.form.note')}><Input.TextArea rows={2} maxLength={L.note} /></Form.Item>
    </RecordDrawer>
  );
}

// ---------------------------------------------------------------------------------------------------------------------

interface HouseholdValues { buildingId?: string; unitNo?: number; floorNo?: number; roomNo?: string; address?: string; residenceKind?: string; gridId?: string; note?: string }

export function HouseholdDrawer({ open, record, onClose, onSaved, preset }: DrawerProps<Household>) {
  const { t, title, required } = useTexts('households');
  const [form] = Form.useForm<HouseholdValues>();
  const options = useEnumOptions();
  const key = useMemo(() => newKey(), [open]); // one per opening: a retry of the same save reuses it
  const buildingId = Form.useWatch('buildingId', form);
  const initial: Partial<HouseholdValues> = record
    ? { buildingId: record.buildingId ?? undefined, unitNo: record.unitNo ?? undefined, floorNo: record.floorNo ?? undefined, roomNo: record.roomNo ?? undefined, address: record.address, residenceKind: record.residenceKind, note: record.note ?? undefined }
    : { residenceKind: 'registered', ...(preset as Partial<HouseholdValues>) };
  const save = (v: HouseholdValues) => {
    const body = {
      buildingId: orNull(v.buildingId), unitNo: v.buildingId ? orNull(v.unitNo) : null, floorNo: v.buildingId ? orNull(v.floorNo) : null,
      roomNo: v.buildingId ? orNull(v.roomNo?.trim()) : null, residenceKind: v.residenceKind as Household['residenceKind'], note: orNull(v.note?.trim()),
      ...(v.address?.trim() ? { address: v.address.trim() } : {}), ...(v.gridId && !v.buildingId ? { gridId: v.gridId } : {}),
    };
    return record ? updateHousehold(record.id, { version: record.version, ...body }) : createHousehold(body, key);
  };
  return (
    <RecordDrawer<HouseholdValues> open={open} title={title(!!record)} form={form} initialValues={initial} save={save} onClose={onClose} onSaved={onSaved}
      fieldNames={['buildingId', 'unitNo', 'floorNo', 'roomNo', 'address', 'residenceKind', 'gridId', 'note']} testId="household-drawer">
      <Form.Item name="buildingId" label={t('registry.form.building')}><BuildingSelect /></Form.Item>
      {buildingId ? (
        <Row gutter={8}>
          <Col span={8}><Form.Item name="unitNo" label={t('registry.form.unitNo')} rules={[required('unitNo')]}><InputNumber min={1} max={50} style={{ width: '100%' }} data-testid="field-unitNo" /></Form.Item></Col>
          <Col span={8}><Form.Item name="floorNo" label={t('registry.form.floorNo')} rules={[required('floorNo')]}><InputNumber min={-5} max={200} style={{ width: '100%' }} data-testid="field-floorNo" /></Form.Item></Col>
          <Col span={8}><Form.Item name="roomNo" label={t('registry.form.roomNo')} rules={[required('roomNo')]}><Input maxLength={L.roomNo} data-testid="field-roomNo" /></Form.Item></Col>
        </Row>
      ) : null}
      <Form.Item name="address" label={t('registry.form.address')} rules={buildingId ? [] : [required('address')]} extra={buildingId ? t('registry.form.addressFromBuilding') : undefined}>
        <Input maxLength={L.address} data-testid="field-address" />
      </Form.Item>
      {buildingId ? null : (
        <Form.Item name="gridId" label={t('registry.form.grid')} rules={[{ required: true, message: t('registry.form.choose', { field: t('registry.form.grid') }) }]}>
          <GridSelect testId="field-grid" />
        </Form.Item>
      )}
      <Form.Item name="residenceKind" label={t('registry.form.residenceKind')}><Select options={options('residenceKind', RESIDENCE_KINDS)} data-testid="field-residenceKind" /></Form.Item>
      <Form.Item name="note" label={t('registry.form.note')}><Input.TextArea rows={2} maxLength={L.note} /></Form.Item>
    </RecordDrawer>
  );
}

// ---------------------------------------------------------------------------------------------------------------------

interface BuildingValues { name: string; address?: string; location: { lng: number; lat: number }; units: number; floors: number; roomsPerFloor: number; structure?: string; builtYear?: number; gridId?: string; note?: string }

export function BuildingDrawer({ open, record, onClose, onSaved }: DrawerProps<Building>) {
  const { t, title, required } = useTexts('buildings');
  const [form] = Form.useForm<BuildingValues>();
  const key = useMemo(() => newKey(), [open]); // one per opening: a retry of the same save reuses it
  const initial: Partial<BuildingValues> = record
    ? { name: record.name, address: record.address ?? undefined, location: record.location, units: record.units, floors: record.floors, roomsPerFloor: record.roomsPerFloor, structure: record.structure ?? undefined, builtYear: record.builtYear ?? undefined, note: record.note ?? undefined }
    : { units: 1, floors: 6, roomsPerFloor: 2 };
  const save = (v: BuildingValues) => {
    const body = {
      name: v.name.trim(), address: orNull(v.address?.trim()), location: v.location, units: v.units, floors: v.floors, roomsPerFloor: v.roomsPerFloor,
      structure: orNull(v.structure?.trim()), builtYear: orNull(v.builtYear), note: orNull(v.note?.trim()), ...(v.gridId ? { gridId: v.gridId } : {}),
    };
    return record ? updateBuilding(record.id, { version: record.version, ...body }) : createBuilding(body, key);
  };
  return (
    <RecordDrawer<BuildingValues> open={open} title={title(!!record)} form={form} initialValues={initial} save={save} onClose={onClose} onSaved={onSaved}
      fieldNames={['name', 'address', 'location', 'units', 'floors', 'roomsPerFloor', 'structure', 'builtYear', 'gridId', 'note']} testId="building-drawer">
      <Form.Item name="name" label={t('registry.form.buildingName')} rules={[required('buildingName')]}><Input maxLength={L.name} data-testid="field-name" /></Form.Item>
      <Form.Item name="address" label={t('registry.form.address')}><Input maxLength={L.address} data-testid="field-address" /></Form.Item>
      <Row gutter={8}>
        <Col span={8}><Form.Item name="units" label={t('registry.form.units')} rules={[required('units')]}><InputNumber min={1} max={50} style={{ width: '100%' }} data-testid="field-units" /></Form.Item></Col>
        <Col span={8}><Form.Item name="floors" label={t('registry.form.floors')} rules={[required('floors')]}><InputNumber min={1} max={200} style={{ width: '100%' }} data-testid="field-floors" /></Form.Item></Col>
        <Col span={8}><Form.Item name="roomsPerFloor" label={t('registry.form.roomsPerFloor')} rules={[required('roomsPerFloor')]}><InputNumber min={1} max={50} style={{ width: '100%' }} data-testid="field-roomsPerFloor" /></Form.Item></Col>
      </Row>
      <Form.Item name="gridId" label={t('registry.form.grid')} extra={t('registry.form.gridHint')}><GridSelect testId="field-grid" /></Form.Item>
      <LocationFields required />
      <Row gutter={8}>
        <Col span={12}><Form.Item name="structure" label={t('registry.form.structure')}><Input maxLength={40} /></Form.Item></Col>
        <Col span={12}><Form.Item name="builtYear" label={t('registry.form.builtYear')}><InputNumber min={1800} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
      </Row>
      <Form.Item name="note" label={t('registry.form.note')}><Input.TextArea rows={2} maxLength={L.note} /></Form.Item>
    </RecordDrawer>
  );
}

// ---------------------------------------------------------------------------------------------------------------------

interface PlaceValues { kind: string; name: string; address?: string; location: { lng: number; lat: number }; buildingId?: string; creditCode?: string; contactName?: string; contactPhone?: string; gridId?: string; note?: string }

export function PlaceDrawer({ open, record, onClose, onSaved }: DrawerProps<Place>) {
  const { t, title, required, choose } = useTexts('places');
  const [form] = Form.useForm<PlaceValues>();
  const options = useEnumOptions();
  const key = useMemo(() => newKey(), [open]); // one per opening: a retry of the same save reuses it
  const initial: Partial<PlaceValues> = record
    ? { kind: record.kind, name: record.name, address: record.address ?? undefined, location: record.location, buildingId: record.buildingId ?? undefined, creditCode: record.creditCode ?? undefined, contactName: record.contactName ?? undefined, note: record.note ?? undefined }
    : { kind: 'shop' };
  const save = (v: PlaceValues) => {
    const body = {
      kind: v.kind as Place['kind'], name: v.name.trim(), address: orNull(v.address?.trim()), location: v.location, buildingId: orNull(v.buildingId),
      creditCode: orNull(v.creditCode?.trim().toUpperCase()), contactName: orNull(v.contactName?.trim()), note: orNull(v.note?.trim()),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}), ...(v.gridId ? { gridId: v.gridId } : {}),
    };
    return record ? updatePlace(record.id, { version: record.version, ...body }) : createPlace(body, key);
  };
  return (
    <RecordDrawer<PlaceValues> open={open} title={title(!!record)} form={form} initialValues={initial} save={save} onClose={onClose} onSaved={onSaved}
      fieldNames={['kind', 'name', 'address', 'location', 'buildingId', 'creditCode', 'contactName', 'contactPhone', 'gridId', 'note']} testId="place-drawer">
      <Form.Item name="kind" label={t('registry.form.kind')} rules={[choose('kind')]}><Select options={options('placeKind', PLACE_KINDS)} data-testid="field-kind" /></Form.Item>
      <Form.Item name="name" label={t('registry.form.placeName')} rules={[required('placeName')]}><Input maxLength={L.name} data-testid="field-name" /></Form.Item>
      <Form.Item name="address" label={t('registry.form.address')}><Input maxLength={L.address} /></Form.Item>
      <Form.Item name="gridId" label={t('registry.form.grid')} extra={t('registry.form.gridHint')}><GridSelect testId="field-grid" /></Form.Item>
      <LocationFields required />
      <Form.Item name="buildingId" label={t('registry.form.building')}><BuildingSelect /></Form.Item>
      <Form.Item name="creditCode" label={t('registry.form.creditCode')}><Input maxLength={18} translate="no" /></Form.Item>
      <Row gutter={8}>
        <Col span={12}><Form.Item name="contactName" label={t('registry.form.contactName')}><Input maxLength={L.name} /></Form.Item></Col>
        <Col span={12}><Form.Item name="contactPhone" label={t('registry.form.contactPhone')} extra={record?.contactPhone ? `${record.contactPhone} · ${t('registry.form.keepPhone')}` : undefined}><Input maxLength={30} translate="no" /></Form.Item></Col>
      </Row>
      <Form.Item name="note" label={t('registry.form.note')}><Input.TextArea rows={2} maxLength={L.note} /></Form.Item>
    </RecordDrawer>
  );
}

// ---------------------------------------------------------------------------------------------------------------------

interface ThingValues { kind: string; name: string; address?: string; location: { lng: number; lat: number }; buildingId?: string; riskLevel: string; inspectionEveryDays?: number; gridId?: string; note?: string }

export function ThingDrawer({ open, record, onClose, onSaved }: DrawerProps<Thing>) {
  const { t, title, required, choose } = useTexts('things');
  const [form] = Form.useForm<ThingValues>();
  const options = useEnumOptions();
  const key = useMemo(() => newKey(), [open]); // one per opening: a retry of the same save reuses it
  const initial: Partial<ThingValues> = record
    ? { kind: record.kind, name: record.name, address: record.address ?? undefined, location: record.location, buildingId: record.buildingId ?? undefined, riskLevel: record.riskLevel, inspectionEveryDays: record.inspectionEveryDays ?? undefined, note: record.note ?? undefined }
    : { kind: 'hydrant', riskLevel: 'low' };
  const save = (v: ThingValues) => {
    const body = {
      kind: v.kind as Thing['kind'], name: v.name.trim(), address: orNull(v.address?.trim()), location: v.location, buildingId: orNull(v.buildingId),
      riskLevel: v.riskLevel as Thing['riskLevel'], inspectionEveryDays: orNull(v.inspectionEveryDays), note: orNull(v.note?.trim()),
      ...(v.gridId ? { gridId: v.gridId } : {}),
    };
    return record ? updateThing(record.id, { version: record.version, ...body }) : createThing(body, key);
  };
  return (
    <RecordDrawer<ThingValues> open={open} title={title(!!record)} form={form} initialValues={initial} save={save} onClose={onClose} onSaved={onSaved}
      fieldNames={['kind', 'name', 'address', 'location', 'buildingId', 'riskLevel', 'inspectionEveryDays', 'gridId', 'note']} testId="thing-drawer">
      <Row gutter={8}>
        <Col span={12}><Form.Item name="kind" label={t('registry.form.kind')} rules={[choose('kind')]}><Select options={options('thingKind', THING_KINDS)} data-testid="field-kind" /></Form.Item></Col>
        <Col span={12}><Form.Item name="riskLevel" label={t('registry.form.risk')} rules={[choose('risk')]}><Select options={options('riskLevel', RISK_LEVELS)} data-testid="field-risk" /></Form.Item></Col>
      </Row>
      <Form.Item name="name" label={t('registry.form.thingName')} rules={[required('thingName')]}><Input maxLength={L.name} data-testid="field-name" /></Form.Item>
      <Form.Item name="address" label={t('registry.form.address')}><Input maxLength={L.address} /></Form.Item>
      <Form.Item name="gridId" label={t('registry.form.grid')} extra={t('registry.form.gridHint')}><GridSelect testId="field-grid" /></Form.Item>
      <LocationFields required />
      <Form.Item name="buildingId" label={t('registry.form.building')}><BuildingSelect /></Form.Item>
      <Form.Item name="inspectionEveryDays" label={t('registry.form.inspectEvery')}><InputNumber min={1} max={3660} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="note" label={t('registry.form.note')}><Input.TextArea rows={2} maxLength={L.note} /></Form.Item>
    </RecordDrawer>
  );
}


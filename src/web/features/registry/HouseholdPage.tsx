// 一户一档 (/registry/households/:id): the household's place (address, building, unit, room), residence kind and
// head; its members with their relation, masked ID number and phone (查看 where `policies` allow: each read audited)
// and tags; hazards of its building or flat with their follow-ups; cases reported there; visits and care devices
// (empty until those features come); and every change of the household and its members.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Result, Space, Table, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fetchHouseholdFile, revealResident, updateHousehold, type HouseholdFile, type Resident } from './api.ts';
import { useRoomText } from './columns.tsx';
import { HouseholdDrawer, ResidentDrawer } from './forms.tsx';
import { HistoryList } from './HistoryList.tsx';
import { MaskedValue, useEnumLabel } from './parts.tsx';
import { CaseList, HazardList } from './sections.tsx';
import { HazardCreateModal, LeaveModal, type HazardAt } from './hazard-forms.tsx';
import { TagChips, TagsProvider } from './tags.tsx';
import { HouseholdVisits } from '../tasks/desktop/public.ts';
import { HouseholdDevices } from '../devices/public.ts';
import './locales.ts';
import './registry.css';

export function HouseholdPage() {
  const { id = '' } = useParams();
  return <TagsProvider><HouseholdFileView id={id} /></TagsProvider>;
}

function HouseholdFileView({ id }: { id: string }) {
  const { t } = useTranslation();
  const file = useApi((signal) => fetchHouseholdFile(id, signal), [id]);
  if (file.error) {
    return file.error instanceof ApiError && (file.error.status === 404 || file.error.status === 403)
      ? <Result status="404" title={t('registry.household.title')} subTitle={t('registry.household.notFound')} extra={<Link to="/registry/households">{t('registry.actions.back')}</Link>} />
      : <ErrorState error={file.error} onRetry={file.reload} />;
  }
  if (!file.data) return <Card loading />;
  return <FileBody file={file.data} reload={file.reload} />;
}

function FileBody({ file, reload }: { file: HouseholdFile; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const room = useRoomText();
  const h = file.household;
  const [editing, setEditing] = useState(false);
  const [member, setMember] = useState<{ record: Resident | null } | null>(null);
  const [leaving, setLeaving] = useState<Resident | null>(null);
  const [hazardAt, setHazardAt] = useState<HazardAt | null>(null);
  const memberTags = [...new Set(file.members.flatMap((m) => m.tags))];
  const hiddenTags = file.members.reduce((n, m) => n + m.hiddenTags, 0);

  const makeHead = async (m: Resident) => {
    try {
      await updateHousehold(h.id, { version: h.version, headResidentId: m.id });
      message.success(t('registry.household.headSet', { name: m.name }));
      reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  };

  return (
    <div data-testid="household-page">
      <PageHeader
        title={`${t('registry.household.title')} · ${h.address}`}
        subtitle={room(h) || t('registry.household.noBuilding')}
        extra={<>
          {h.buildingId ? <Link to={`/registry/buildings/${h.buildingId}`}><Button icon={<ApartmentOutlined />}>{t('registry.actions.buildingView')}</Button></Link> : null}
          {file.policies.includes('update') ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="household-edit">{t('registry.household.editHousehold')}</Button> : null}
          <Link to="/registry/households"><Button>{t('registry.actions.back')}</Button></Link>
        </>}
      />
      <div className="zz-reg-file">
        <Card size="small" className="zz-reg-wide">
          <Descriptions size="small" column={4} data-testid="household-facts" items={[
            { key: 'address', label: t('registry.col.address'), children: h.address, span: 2 },
            { key: 'room', label: t('registry.col.room'), children: room(h) || t('registry.household.noBuilding'), span: 2 },
            { key: 'head', label: t('registry.household.head'), children: <span data-testid="household-head">{h.headName ?? t('registry.household.noHead')}</span> },
            { key: 'kind', label: t('registry.household.residenceKind'), children: label('residenceKind', h.residenceKind) },
            { key: 'grid', label: t('registry.household.grid'), children: h.gridName },
            { key: 'members', label: t('registry.col.members'), children: t('registry.household.membersCount', { count: h.memberCount }) },
            ...(h.note ? [{ key: 'note', label: t('registry.col.note'), children: h.note, span: 4 }] : []),
          ]} />
        </Card>

        <Card
          size="small" className="zz-reg-wide" title={t('registry.household.members')} data-testid="household-members"
          extra={<Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('registry.household.audit')}</Typography.Text>
            {file.policies.includes('addMember') ? <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setMember({ record: null })} data-testid="member-add">{t('registry.household.addMember')}</Button> : null}
          </Space>}
        >
          <Table<Resident>
            rowKey="id" size="small" pagination={false} dataSource={file.members}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.household.noMembers')} /> }}
            columns={[
              { title: t('registry.col.relation'), dataIndex: 'relation', width: 90, render: (v: string | null) => label('relation', v) },
              { title: t('registry.col.name'), dataIndex: 'name', width: 100, render: (v: string) => <span data-testid="member-name">{v}</span> },
              { title: t('registry.col.gender'), dataIndex: 'gender', width: 60, render: (v: string) => label('gender', v) },
              { title: t('registry.col.birthDate'), dataIndex: 'birthDate', width: 110 },
              { title: t('registry.col.idNumber'), key: 'id', width: 230, render: (_, m) => <MaskedValue masked={m.idNumber} canReveal={m.policies.includes('revealIdNumber')} reveal={() => revealResident(m.id, 'idNumber')} testId="member-id-number" /> },
              { title: t('registry.col.phone'), key: 'phone', width: 170, render: (_, m) => <MaskedValue masked={m.phone} canReveal={m.policies.includes('revealPhone')} reveal={() => revealResident(m.id, 'phone')} testId="member-phone" /> },
              { title: t('registry.col.tags'), key: 'tags', render: (_, m) => <TagChips codes={m.tags} hidden={m.hiddenTags} /> },
              { title: t('registry.col.actions'), key: 'actions', width: 230, render: (_, m) => (
                <Space size={0}>
                  {m.policies.includes('update') ? <Button type="link" size="small" onClick={() => setMember({ record: m })}>{t('registry.actions.edit')}</Button> : null}
                  {file.policies.includes('update') && h.headResidentId !== m.id ? <Button type="link" size="small" onClick={() => void makeHead(m)} data-testid="member-make-head">{t('registry.household.makeHead')}</Button> : null}
                  {m.policies.includes('leave') ? <Button type="link" size="small" danger onClick={() => setLeaving(m)} data-testid="member-leave">{t('registry.leave.action')}</Button> : null}
                </Space>
              ) },
            ]}
          />
        </Card>

        <Card size="small" title={t('registry.household.tags')} data-testid="household-tags">
          {memberTags.length || hiddenTags ? <TagChips codes={memberTags} hidden={hiddenTags} /> : <Typography.Text type="secondary">{t('registry.household.noTags')}</Typography.Text>}
        </Card>
        <Card size="small" title={t('registry.household.cases')} data-testid="household-cases">
          <CaseList items={file.cases} emptyText={t('registry.household.noCases')} />
        </Card>
        <Card
          size="small" title={t('registry.household.hazards')} className="zz-reg-wide" data-testid="household-hazards"
          extra={file.policies.includes('addHazard') && (h.buildingId) ? (
            <Button size="small" icon={<PlusOutlined />} data-testid="hazard-add"
              onClick={() => setHazardAt({ buildingId: h.buildingId, householdId: h.id, where: h.address })}>{t('registry.hazard.add')}</Button>
          ) : null}
        >
          <HazardList items={file.hazards} emptyText={t('registry.household.noHazards')} reload={reload} />
        </Card>
        <Card size="small" title={t('registry.household.visits')} data-testid="household-visits">
          <HouseholdVisits items={file.visits} />
        </Card>
        <Card size="small" title={t('registry.household.devices')} data-testid="household-devices">
          {file.devices.length ? <HouseholdDevices items={file.devices} members={file.members} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.household.devicesEmpty')} />}
        </Card>
        <Card size="small" title={t('registry.household.history')} className="zz-reg-wide" data-testid="household-history">
          <HistoryList items={file.history} emptyText={t('registry.household.noHistory')} />
        </Card>
      </div>
      <HouseholdDrawer open={editing} record={h} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
      <ResidentDrawer
        open={member !== null} record={member?.record ?? null} preset={{ householdId: h.id, relation: file.members.length === 0 ? 'head' : undefined }}
        onClose={() => setMember(null)} onSaved={() => { setMember(null); reload(); }}
      />
      <LeaveModal member={leaving} onClose={() => setLeaving(null)} onSaved={() => { setLeaving(null); reload(); }} />
      <HazardCreateModal at={hazardAt} onClose={() => setHazardAt(null)} onSaved={() => { setHazardAt(null); reload(); }} />
    </div>
  );
}


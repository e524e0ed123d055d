// 志愿队伍: the community's five-colour teams (民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝) with their focus, leader and
// members; 组建队伍 for a colour the community lacks; a team's member list (staff see names), 添加队员 from the registry,
// 移出.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Empty, Form, Input, Modal, Popconfirm, Row, Select, Space, Spin, Table, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TEAM_COLOURS, type TeamColour } from '../../../shared/volunteers.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { newIdempotencyKey, PersonPicker, useCommunity, type PersonHit } from '../points/public.ts';
import { dayText } from '../../lib/time-text.ts';
import { addMember, createTeam, fetchTeam, listTeams, removeMember, type Team, type TeamMember } from './api.ts';
import './locales.ts';

/** the colours of the five teams as the page draws them */
export const TEAM_HEX: Record<TeamColour, string> = { red: '#d4380d', gold: '#d4a106', orange: '#fa8c16', green: '#389e0d', blue: '#1d5fb8' };

export function TeamDot({ colour }: { colour: TeamColour }) {
  return <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: TEAM_HEX[colour], marginInlineEnd: 6 }} />;
}

export function TeamsPage() {
  const { t } = useTranslation();
  const { community, picker } = useCommunity();
  const teams = useApi(community ? (signal) => listTeams(community.id, signal) : null, [community?.id]);
  const [open, setOpen] = useState<Team | null>(null);
  const [creating, setCreating] = useState(false);
  const items = [...(teams.data?.items ?? [])].sort((a, b) => TEAM_COLOURS.indexOf(a.colour) - TEAM_COLOURS.indexOf(b.colour));
  const missing = TEAM_COLOURS.filter((c) => !items.some((x) => x.colour === c));
  return (
    <div className="zz-page" data-testid="teams-page">
      <PageHeader title={t('volunteers.teams.title')} subtitle={t('volunteers.teams.subtitle')} extra={
        <Space wrap>
          {picker}
          {teams.data?.policies.includes('create') && missing.length ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">{t('volunteers.teams.create')}</Button> : null}
        </Space>
      } />
      {teams.error ? <ErrorState error={teams.error} onRetry={teams.reload} /> : teams.loading && !teams.data ? <Spin /> : !items.length ? (
        <Empty description={t('volunteers.teams.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((team) => (
            <Col key={team.id} xs={24} md={12} xl={8}>
              <Card size="small" hoverable onClick={() => setOpen(team)} data-testid="team-card" style={{ borderTop: `4px solid ${TEAM_HEX[team.colour]}` }}
                title={<Space><TeamDot colour={team.colour} /><span data-testid="team-name">{team.name}</span></Space>}
                extra={<Typography.Text type="secondary"><TeamOutlined /> {t('volunteers.teams.members', { count: team.members })}</Typography.Text>}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{team.focus}</Typography.Paragraph>
                <Typography.Text type="secondary">{team.leaderName ? t('volunteers.teams.leader', { name: team.leaderName }) : t('volunteers.teams.noLeader')}</Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <TeamDrawer team={open} onClose={() => setOpen(null)} onChanged={teams.reload} />
      {creating && community ? <NewTeamDialog orgUnitId={community.id} colours={missing} onClose={() => setCreating(false)} onDone={() => { setCreating(false); teams.reload(); }} /> : null}
    </div>
  );
}

function TeamDrawer({ team, onClose, onChanged }: { team: Team | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useApi(team ? (signal) => fetchTeam(team.id, signal) : null, [team?.id]);
  const [person, setPerson] = useState<PersonHit | null>(null);
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  const add = async () => {
    if (!team || !person) return;
    setBusy(true);
    try { await addMember(team.id, person.id); message.success(t('volunteers.teams.addOk')); setPerson(null); detail.reload(); onChanged(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(false); }
  };
  const remove = async (m: TeamMember) => {
    if (!team || !m.residentId) return;
    try { await removeMember(team.id, m.residentId); message.success(t('volunteers.teams.removeOk')); detail.reload(); onChanged(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
  };
  const columns: TableColumnsType<TeamMember> = [
    { title: t('volunteers.teams.mcol.name'), dataIndex: 'name', render: (v: string) => <span data-testid="member-name">{v}</span> },
    { title: t('volunteers.teams.mcol.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? '—' },
    { title: t('volunteers.teams.mcol.joinedAt'), dataIndex: 'joinedAt', width: 110, render: (v: string) => dayText(v) },
    { title: t('volunteers.teams.mcol.hours'), dataIndex: 'hoursThisYear', width: 110, align: 'right', render: (v: number) => t('volunteers.teams.hours', { count: v }) },
    ...(d?.policies.includes('removeMember') ? [{
      title: t('volunteers.teams.mcol.actions'), key: 'a', width: 70,
      render: (_: unknown, m: TeamMember) => (
        <Popconfirm title={t('volunteers.teams.removeConfirm', { name: m.name })} okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')} onConfirm={() => void remove(m)}>
          <Button size="small" type="link" danger>{t('volunteers.teams.remove')}</Button>
        </Popconfirm>
      ),
    }] : []),
  ];
  return (
    <Drawer open={!!team} onClose={onClose} size={720} destroyOnHidden data-testid="team-drawer"
      title={team ? <Space><TeamDot colour={team.colour} />{team.name}</Space> : ''}>
      {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : !d ? <Spin /> : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text>{t('volunteers.teams.focus')}：{d.focus}</Typography.Text>
          {d.policies.includes('addMember') ? (
            <Space.Compact style={{ width: '100%' }}>
              <div style={{ flex: 1 }}><PersonPicker value={person} onChange={setPerson} placeholder={t('volunteers.teams.personPh')} testId="member-picker" /></div>
              <Button type="primary" icon={<UserAddOutlined />} disabled={!person} loading={busy} onClick={() => void add()} data-testid="member-add">{t('volunteers.teams.addMember')}</Button>
            </Space.Compact>
          ) : null}
          <Table<TeamMember> rowKey={(m) => m.residentId ?? m.name} size="small" columns={columns} dataSource={d.memberList} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="member-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.teams.noMembers')} /> }} />
        </Space>
      )}
    </Drawer>
  );
}

function NewTeamDialog({ orgUnitId, colours, onClose, onDone }: { orgUnitId: string; colours: TeamColour[]; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [colour, setColour] = useState<TeamColour | undefined>(colours[0]);
  const [leader, setLeader] = useState('');
  const [focus, setFocus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const save = async () => {
    if (!colour) return setError(t('volunteers.required', { field: t('volunteers.teams.form.colour') }));
    setSaving(true);
    try {
      await createTeam({ orgUnitId, colour, ...(leader.trim() ? { leaderName: leader.trim() } : {}), ...(focus.trim() ? { focus: focus.trim() } : {}) }, key.current);
      message.success(t('volunteers.done'));
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('volunteers.teams.form.title')} onOk={() => void save()} confirmLoading={saving} okText={t('volunteers.ok')} cancelText={t('volunteers.cancel')}
      okButtonProps={{ 'data-testid': 'team-ok' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('volunteers.teams.form.colour')} required>
          <Select<TeamColour> value={colour} onChange={setColour} data-testid="team-colour"
            options={colours.map((c) => ({ value: c, label: <Space><TeamDot colour={c} />{t(`volunteers.colours.${c}`)}</Space> }))} />
        </Form.Item>
        <Form.Item label={t('volunteers.teams.form.focus')}><Input value={focus} maxLength={200} onChange={(e) => setFocus(e.target.value)} /></Form.Item>
        <Form.Item label={t('volunteers.teams.form.leader')}><Input value={leader} maxLength={50} onChange={(e) => setLeader(e.target.value)} /></Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

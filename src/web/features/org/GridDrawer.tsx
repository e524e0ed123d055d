// A grid's card: name, code, population, households, and its "1+3+N" team, which its editors can change.
import { useState } from 'react';
import { Avatar, Button, Descriptions, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { TEAM_ROLES } from '../../../shared/org-levels.ts';
import { fetchTeamView, type TeamViewMember } from './team-api.ts';
import { TeamEditor } from './TeamEditor.tsx';
import './locales.ts';

const ROLE_COLORS: Record<string, string> = { gridLeader: 'red', fullTime: 'blue', partTime: 'cyan', instructor: 'gold', volunteer: 'green' };

export function GridDrawer({ gridId, communityName, onClose }: { gridId: string | null; communityName?: string; onClose(): void }) {
  const { t } = useTranslation();
  const team = useApi(gridId ? (signal) => fetchTeamView(gridId, signal) : null, [gridId]);
  const [editing, setEditing] = useState(false);
  const grid = team.data?.grid;
  const members = [...(team.data?.members ?? [])].sort((a, b) => TEAM_ROLES.indexOf(a.teamRole) - TEAM_ROLES.indexOf(b.teamRole));
  const fmt = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString());

  return (
    <Drawer
      open={!!gridId} onClose={onClose} mask={false} size={380} destroyOnHidden
      title={grid ? grid.name : t('common.loading')}
      rootClassName="zz-grid-drawer" data-testid="grid-drawer"
    >
      {team.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : team.error ? <ErrorState error={team.error} onRetry={team.reload} /> : grid ? (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
            <Descriptions.Item label={t('org.level')}>
              {t(`levels.${grid.level}`)}{grid.kind && grid.level === 'dedicatedGrid' ? ` · ${t(`kinds.${grid.kind}`, { defaultValue: grid.kind })}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('org.code')}><Typography.Text copyable>{grid.code}</Typography.Text></Descriptions.Item>
            {communityName ? <Descriptions.Item label={t('org.parent')}>{communityName}</Descriptions.Item> : null}
            <Descriptions.Item label={t('org.population')}>{fmt(grid.population)} {t('common.people')}</Descriptions.Item>
            <Descriptions.Item label={t('org.households')}>{fmt(grid.households)} {t('common.households')}</Descriptions.Item>
            {grid.childCount ? <Descriptions.Item label={t('levels.microGrid')}>{t('org.microGrids', { count: grid.childCount })}</Descriptions.Item> : null}
          </Descriptions>
          <Space style={{ marginTop: 24, marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('org.team')}</Typography.Title>
            {team.data?.policies.includes('edit') ? (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="team-edit">{t('orgAdmin.team.edit')}</Button>
            ) : null}
          </Space>
          {members.length ? (
            <List<TeamViewMember>
              size="small" dataSource={members} data-testid="grid-team"
              renderItem={(m) => (
                <List.Item
                  extra={m.phone ? <a href={`tel:${m.phone}`} aria-label={t('org.callPhone')}><PhoneOutlined /> {m.phone}</a> : null}
                >
                  <List.Item.Meta
                    avatar={<Avatar size="small" icon={<UserOutlined />} />}
                    title={<>{m.name} <Tag color={ROLE_COLORS[m.teamRole]} style={{ marginLeft: 4 }}>{t(`teamRoles.${m.teamRole}`)}</Tag></>}
                  />
                </List.Item>
              )}
            />
          ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noTeam')} />}
        </>
      ) : null}
      {editing && gridId ? <TeamEditor gridId={gridId} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); team.reload(); }} /> : null}
    </Drawer>
  );
}

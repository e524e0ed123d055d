// 告警规则: the device profiles the caller's town may use (the platform's defaults and the town's own), each with its
// rules in one line and its escalation; opening one leads to the rule editor (or a read-only view with the preview).
import { Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { listProfiles, type Profile } from './api.ts';
import { escalationText } from './EscalationEditor.tsx';
import { ruleSummary } from './parts.tsx';
import './locales.ts';
import './devices.css';

export function ProfilesPage() {
  const { t } = useTranslation();
  const profiles = useApi((signal) => listProfiles(undefined, signal), []);
  return (
    <div className="zz-page" data-testid="profiles-page">
      <PageHeader title={t('devices.rules.title')} subtitle={t('devices.rules.subtitle')} />
      {profiles.error ? <ErrorState error={profiles.error} onRetry={profiles.reload} /> : !profiles.data ? <Spin /> : !profiles.data.items.length ? (
        <Empty description={t('devices.rules.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {profiles.data.items.map((p) => <Col key={p.id} xs={24} lg={12} xxl={8}><ProfileCard profile={p} /></Col>)}
        </Row>
      )}
    </div>
  );
}

function ProfileCard({ profile: p }: { profile: Profile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = p.policies.includes('editRules');
  return (
    <Card
      size="small" data-testid="profile-card" data-id={p.id}
      title={<Space><span>{p.name}</span><Tag>{t(`devices.types.${p.type}`)}</Tag><Tag color={p.townId ? 'blue' : 'default'}>{p.townId ? t('devices.rules.town') : t('devices.rules.platform')}</Tag></Space>}
      extra={<Button type={canEdit ? 'primary' : 'default'} size="small" onClick={() => navigate(`/device-profiles/${p.id}`)} data-testid="profile-open">{canEdit ? t('devices.rules.edit') : t('devices.rules.view')}</Button>}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {p.rules.map((r) => (
          <div key={r.id} style={{ opacity: r.enabled ? 1 : 0.5 }}>
            <Tag color={r.level === 'red' ? 'red' : r.level === 'orange' ? 'orange' : 'gold'}>{t(`devices.levels.${r.level}`)}</Tag>
            <strong>{r.name}</strong> <Typography.Text type="secondary">{ruleSummary(t, r)}</Typography.Text>
          </div>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('devices.rules.escalation.title')}：{escalationText(t, p.escalation)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('devices.rules.devices', { count: p.devices })}
          {p.updatedByName ? ` · ${t('devices.rules.updated', { name: p.updatedByName, time: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') })}` : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}

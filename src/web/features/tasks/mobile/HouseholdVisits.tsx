// 走访记录 in the phone household file (一户一档): the latest visits to the household, and 记录走访 for those who visit.
import { Button, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { TASK_DOERS } from '../../../../shared/tasks.ts';
import { Card, formatTime } from '../../cases/public.ts';
import { fetchVisitsOf } from '../api.ts';
import './locales.ts';

export function HouseholdVisits({ householdId, address }: { householdId: string; address: string }) {
  const me = useMe();
  if (me.kind !== 'staff' || !holdsAnyRole(me.roles, TASK_DOERS)) return null;
  return <Visits householdId={householdId} address={address} />;
}

function Visits({ householdId, address }: { householdId: string; address: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const visits = useApi((signal) => fetchVisitsOf({ kind: 'household', id: householdId }, signal), [householdId]);
  const items = visits.data?.items ?? [];
  const record = () => navigate(`/m/visits/new?${new URLSearchParams({ kind: 'household', id: householdId, name: address })}`);
  return (
    <Card title={t('mtask.visit.recent')} testId="household-visits"
      extra={<Button size="mini" color="primary" fill="outline" onClick={record} data-testid="household-record-visit">{t('mtask.task.recordVisit')}</Button>}>
      {items.length === 0 ? <div className="mc-hint">{visits.loading ? t('mtask.common.loading') : t('mtask.visit.noVisits')}</div> : items.map((v) => (
        <div key={v.id} className="mt-outbox-item" data-testid="household-visit">
          <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <strong>{formatTime(v.at, i18n.language)}</strong>
            <span className="mc-hint">{t('mtask.visit.by', { name: v.visitor.name })}</span>
            {v.far ? <Tag color="warning" fill="outline">{t('mtask.visit.farTag')}</Tag> : null}
          </div>
          {v.findings ? <div style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</div> : null}
        </div>
      ))}
    </Card>
  );
}

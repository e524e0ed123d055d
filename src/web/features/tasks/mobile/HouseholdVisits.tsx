// 走访记录 in the phone household file (一户一档): the visits to the household and its members as the file lists them
// (so they are there offline too, with the file), and 记录走访 for those who visit.
import { Button, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { TASK_DOERS } from '../../../../shared/tasks.ts';
import type * as rs from '../../../../server/registry/schemas.ts';
import { Card, formatTime } from '../../cases/public.ts';
import './locales.ts';

type HouseholdVisit = Static<typeof rs.HouseholdVisit>;

export function HouseholdVisits({ householdId, address, visits }: { householdId: string; address: string; visits: readonly HouseholdVisit[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const visitor = me.kind === 'staff' && holdsAnyRole(me.roles, TASK_DOERS);
  if (!visitor && visits.length === 0) return null;
  const record = () => navigate(`/m/visits/new?${new URLSearchParams({ kind: 'household', id: householdId, name: address })}`);
  return (
    <Card title={t('mtask.visit.recent')} testId="household-visits"
      extra={visitor ? <Button size="mini" color="primary" fill="outline" onClick={record} data-testid="household-record-visit">{t('mtask.task.recordVisit')}</Button> : null}>
      {visits.length === 0 ? <div className="mc-hint">{t('mtask.visit.noVisits')}</div> : visits.slice(0, 5).map((v) => (
        <div key={v.id} className="mt-outbox-item" data-testid="household-visit">
          <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <strong>{formatTime(v.at, i18n.language)}</strong>
            <span className="mc-hint">{v.subjectKind === 'resident' ? `${v.subjectName} · ` : ''}{t('mtask.visit.by', { name: v.visitorName })}</span>
            {v.far ? <Tag color="warning" fill="outline">{t('mtask.visit.farTag')}</Tag> : null}
          </div>
          {v.findings ? <div style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</div> : null}
        </div>
      ))}
    </Card>
  );
}

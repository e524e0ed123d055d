// /m/disputes: a grid worker's disputes of their grid (登记纠纷 on foot, 大排查), or a resident's 我的纠纷 — the disputes
// they are a party of, read-only, other parties masked.
import { Button, DotLoading, ErrorBlock, List, Space } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage } from '../../cases/public.ts';
import { listDisputes } from '../api.ts';
import { MRiskTag, MStatusTag, MTierTag } from './parts.tsx';
import '../locales.ts';

export function MyDisputesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const resident = me.kind === 'resident';
  const list = useApi((signal) => listDisputes({}, null, signal), []);
  const canCreate = list.data?.policies.includes('create') ?? false;
  return (
    <MobilePage title={resident ? t('disputes.mobile.mine') : t('disputes.mobile.title')} back="/m" testId="m-disputes-page"
      footer={!resident && canCreate ? (
        <>
          <Button color="default" onClick={() => navigate('/m/disputes/sweeps')} data-testid="m-sweeps">{t('disputes.mobile.sweeps')}</Button>
          <Button color="primary" onClick={() => navigate('/m/disputes/new')} data-testid="m-dispute-register">{t('disputes.mobile.registerOnFoot')}</Button>
        </>
      ) : undefined}>
      {list.loading && !list.data ? <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>
        : list.error ? <ErrorBlock status="default" title={errorText(list.error, i18n.language)} description="" />
        : !list.data?.items.length ? <ErrorBlock status="empty" title={resident ? t('disputes.mobile.mineEmpty') : t('disputes.mobile.empty')} description="" />
        : (
          <List header={resident ? t('disputes.mobile.mine') : t('disputes.mobile.list')} data-testid="m-dispute-list">
            {list.data.items.map((d) => (
              <List.Item key={d.id} onClick={() => navigate(`/m/disputes/${d.id}`)} data-testid="m-dispute-row" data-id={d.id}
                description={<Space wrap style={{ '--gap': '4px' }}><MStatusTag status={d.status} /><MTierTag tier={d.tier} /><MRiskTag risk={d.riskLevel} /><span>{dayjs(d.createdAt).format('MM-DD HH:mm')}</span></Space>}
                extra={d.partyNames.slice(0, 2).join('、')}>
                {d.subclassName ?? d.className}
              </List.Item>
            ))}
          </List>
        )}
    </MobilePage>
  );
}

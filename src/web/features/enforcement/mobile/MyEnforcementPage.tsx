// 执法办案 (/m/enforcement): the officer's enforcement cases of their area, newest first, and 巡查立案 (a case found on
// patrol). A case of the loop is opened from its own page (立案执法).
import { Button, DotLoading, ErrorBlock, List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MobilePage } from '../../cases/public.ts';
import { listCases } from '../api.ts';
import '../locales.ts';
import './enforcement-mobile.css';

export function MyEnforcementPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useApi((signal) => listCases({}, null, signal), []);
  const canOpen = list.data?.policies.includes('create');
  return (
    <MobilePage title={t('enf.m.title')} testId="menf-home"
      footer={canOpen ? <Button block size="large" color="danger" onClick={() => navigate('/m/enforcement/new')} data-testid="menf-patrol">{t('enf.m.patrol')}</Button> : undefined}>
      {list.loading && !list.data ? <div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div>
        : list.error ? <ErrorBlock status="default" title={errorText(list.error, i18n.language)} description="" />
          : (
            <List header={t('enf.m.mine')}>
              {(list.data?.items ?? []).length === 0 ? <List.Item>{t('enf.m.empty')}</List.Item> : null}
              {(list.data?.items ?? []).map((c) => (
                <List.Item key={c.id} onClick={() => navigate(`/m/enforcement/${c.id}`)} data-testid="menf-case"
                  description={`${c.subjectName} · ${c.confirmedName ?? c.proposedName}`} extra={t(`enf.statuses.${c.status}`)}>
                  {c.matterName}
                </List.Item>
              ))}
            </List>
          )}
    </MobilePage>
  );
}

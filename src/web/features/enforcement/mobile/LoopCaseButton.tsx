// On the phone's case page (案卷详情): 立案执法 for an officer on an open case a matter of the list enforces, or the
// line to its enforcement case.
import { Button } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLoopEnforcement } from '../public.ts';

export function MobileLoopEnforcement({ kase }: { kase: { id: string; categoryCode: string; status: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useLoopEnforcement(kase);
  if (state.kind === 'none') return null;
  return state.kind === 'open' ? (
    <Button block color="danger" onClick={() => navigate(`/m/enforcement/new?caseId=${encodeURIComponent(kase.id)}`)} data-testid="mloop-enforcement-open">{t('enf.mount.open')}</Button>
  ) : (
    <Button block fill="outline" onClick={() => navigate(`/m/enforcement/${state.kase.id}`)} data-testid="mloop-enforcement-link">
      {t('enf.mount.view', { number: state.kase.number })}{t('enf.mount.status', { status: t(`enf.statuses.${state.kase.status}`) })}
    </Button>
  );
}

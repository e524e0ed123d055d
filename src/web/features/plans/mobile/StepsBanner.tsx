// The phone home's line for a step holder while an incident is active: how many of their steps are still open, a tap
// to 应急处置任务 (/m/incidents). Nothing when they have none.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMySteps } from './useMySteps.ts';
import './locales.ts';
import './incidents-mobile.css';

export function IncidentStepsBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMySteps();
  const open = list.items.reduce((n, x) => n + x.mine.filter((s) => s.state === 'open').length, 0);
  if (!open) return null;
  return (
    <button type="button" className="mi-banner" onClick={() => navigate('/m/incidents')} data-testid="incident-steps-banner" data-count={open}>
      <strong>{t('mincident.banner', { count: open })}</strong>
      <small>{t('mincident.bannerTap')}</small>
    </button>
  );
}

// What the report page shows when a report was kept on the phone (no network): saved, sent when the network is back.
import { Button, Result } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MobilePage } from '../../cases/public.ts';
import { PendingBanner } from './PendingBanner.tsx';
import './locales.ts';

export function ReportQueued({ onAnother }: { onAnother(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <MobilePage title={t('mtask.outbox.reportSavedTitle')} testId="report-queued"
      footer={<>
        <Button size="large" onClick={onAnother} data-testid="report-another">{t('mcase.result.another')}</Button>
        <Button size="large" color="primary" onClick={() => navigate('/m')}>{t('mtask.common.back')}</Button>
      </>}>
      <PendingBanner />
      <section className="mc-card">
        <Result status="waiting" title={t('mtask.outbox.reportSavedTitle')} description={t('mtask.outbox.reportSaved')} />
      </section>
    </MobilePage>
  );
}

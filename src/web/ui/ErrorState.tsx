// Shows an API error in the user's language, with a retry button.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/api.ts';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="warning"
      title={errorText(error, i18n.language)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

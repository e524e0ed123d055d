// What a page shows when it fails to load or throws. After an upgrade a tab opened earlier asks for page chunks
// that are gone (the server answers 404): that tab reloads itself once to pick up the new release.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

const RELOADED_AT = 'zhizhi.reloadedForNewRelease';

function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(text);
}

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const lastReload = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (isStaleChunk(error) && Date.now() - lastReload > 60_000) {
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    window.location.reload();
    return null;
  }
  return (
    <Result
      status="warning" title={t('common.pageFailed')} subTitle={t('common.pageFailedHint')}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
    />
  );
}

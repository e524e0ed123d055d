// Providers: language, antd theme and locale, the session, and the router.
import { App as AntApp, ConfigProvider } from 'antd';
import { ConfigProvider as MobileConfigProvider } from 'antd-mobile';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth.tsx';
import { router } from './router.tsx';
import { theme } from './theme.ts';
import dayjs from 'dayjs';
import { antdLocales, dayjsLocales, mobileLocales } from './uiLocales.ts';
import { useReducedMotion } from '../lib/useReducedMotion.ts';

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  // set during render, before any picker below formats a date in this language
  dayjs.locale(dayjsLocales[lang]);
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={antdLocales[lang]} theme={reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme}>
      <MobileConfigProvider locale={mobileLocales[lang]}>
        <AntApp>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </AntApp>
      </MobileConfigProvider>
    </ConfigProvider>
  );
}

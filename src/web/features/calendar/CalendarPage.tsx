// 工作日历: the public holidays (法定节假日) and swapped working days (调休上班) the working-day SLA clocks count on.
// Admins enter each year's schedule from the State Council notice; everyone else reads it. A year the platform
// needs but has not got is flagged, and next year is offered once it is due.
import { useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { Alert, App, Button, Skeleton, Tooltip } from 'antd';
import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getCalendarOverview, getCalendarYear, type CalendarYear } from './api.ts';
import { YearEditor } from './YearEditor.tsx';
import './locales.ts';
import './calendar.css';

/** How far back the switcher goes; forward it stops at next year. */
const YEARS_BACK = 10;

export function CalendarPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const overview = useApi((signal) => getCalendarOverview(signal), []);
  const today = overview.data?.today;
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? thisYear;
  const loaded = useApi(year ? (signal) => getCalendarYear(year, signal) : null, [year]);
  const [fresh, setFresh] = useState<CalendarYear | null>(null); // the answer of the last save
  const dirty = useRef(false);

  // leaving the page with unsaved days asks first
  const blocker = useBlocker(() => dirty.current);
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('calendar.switchTitle'), content: t('calendar.leaveBody', { year }), okText: t('calendar.leaveOk'), cancelText: t('calendar.cancel'),
      onOk: () => blockerRef.current.proceed?.(), onCancel: () => blockerRef.current.reset?.(),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocker.state]);

  const switchTo = (y: number) => {
    const go = () => { dirty.current = false; setFresh(null); setPicked(y); };
    if (!dirty.current) { go(); return; }
    modal.confirm({ title: t('calendar.switchTitle'), content: t('calendar.switchBody', { year }), okText: t('calendar.switchOk'), cancelText: t('calendar.cancel'), onOk: go });
  };

  if (overview.error) {
    return (
      <div data-testid="calendar-page">
        <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
        <div className="zz-page"><ErrorState error={overview.error} onRetry={overview.reload} /></div>
      </div>
    );
  }
  const missing = overview.data?.missing ?? [];
  const nextDue = thisYear !== null && missing.includes(thisYear + 1) ? thisYear + 1 : null;
  const data = fresh?.year === year ? fresh : loaded.data?.year === year ? loaded.data : undefined;
  // the calendar's and the year's `policies` say whether the reader enters days; roles are not looked at here
  const canEnter = overview.data?.policies.includes('edit') ?? false;

  return (
    <div data-testid="calendar-page" data-year={year ?? undefined}>
      <PageHeader
        title={t('calendar.title')} subtitle={t('calendar.subtitle')}
        extra={year !== null && thisYear !== null ? (
          <div className="zz-cal-switch">
            {nextDue !== null && year !== nextDue && canEnter ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => switchTo(nextDue)} data-testid="calendar-enter-next" style={{ marginRight: 12 }}>
                {t('calendar.enterYear', { year: nextDue })}
              </Button>
            ) : null}
            <Tooltip title={t('calendar.prevYear')}>
              <Button icon={<LeftOutlined />} aria-label={t('calendar.prevYear')} disabled={year <= thisYear - YEARS_BACK} onClick={() => switchTo(year - 1)} data-testid="calendar-prev" />
            </Tooltip>
            <span className="zz-cal-year" data-testid="calendar-year">{t('calendar.year', { year })}</span>
            <Tooltip title={t('calendar.nextYear')}>
              <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} disabled={year >= thisYear + 1} onClick={() => switchTo(year + 1)} data-testid="calendar-next" />
            </Tooltip>
          </div>
        ) : null}
      />
      <div className="zz-page">
        {year !== null && missing.includes(year) ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('calendar.missing', { year })} data-testid="calendar-missing-alert" />
        ) : null}
        {loaded.error && !data ? <ErrorState error={loaded.error} onRetry={loaded.reload} />
          : !data || !today ? <Skeleton active paragraph={{ rows: 8 }} />
            : (
              <YearEditor
                key={`${data.year}:${data.updatedAt ?? ''}`} data={data} today={today} editable={data.policies.includes('edit')}
                onDirty={(d) => { dirty.current = d; }}
                onSaved={(saved) => { dirty.current = false; setFresh(saved); overview.reload(); }}
              />
            )}
      </div>
    </div>
  );
}

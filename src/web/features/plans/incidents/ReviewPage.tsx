// 处置复盘 (/incidents/:id/review): each step's planned time against what happened (when done, how long it took, late by
// how much, or left at the stand-down), the totals (on time / late / left, the longest delay, the first step done,
// the duration), and the report as PDF or Excel.
import { App, Alert, Button, Card, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { downloadFile, fetchIncident, fetchReview, reviewFileUrl, type ReviewStep } from './api.ts';
import { DrillTag, LevelBadge, StepStateTag, timeText } from './parts.tsx';
import './locales.ts';
import './incidents.css';

export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const incident = useApi((signal) => fetchIncident(id, signal), [id]);
  const review = useApi((signal) => fetchReview(id, signal), [id]);
  const minutes = (n: number | null | undefined) => (n === null || n === undefined ? '—' : t('incidents.review.minutes', { count: Math.round(n) }));

  const download = async (format: 'pdf' | 'xlsx') => {
    const number = incident.data?.number ?? id;
    try { await downloadFile(reviewFileUrl(id, format), `${number}.${format}`); } catch (e) { message.error(errorText(e, i18n.language)); }
  };

  const i = incident.data;
  const r = review.data;
  return (
    <div className="zz-page" data-testid="review-page">
      <PageHeader
        title={i ? <span className="zz-inc-head"><span>{t('incidents.review.title')}</span><span className="zz-code" translate="no">{i.number}</span><LevelBadge level={i.level} />{i.drill ? <DrillTag /> : null}</span> : t('incidents.review.open')}
        subtitle={i ? `${i.title} · ${t('incidents.review.subtitle')}` : t('incidents.review.subtitle')}
        extra={(
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/incidents/${id}`)}>{t('incidents.backToIncident')}</Button>
            <Button icon={<DownloadOutlined />} disabled={!r} onClick={() => void download('pdf')} data-testid="review-pdf">{t('incidents.review.pdf')}</Button>
            <Button icon={<DownloadOutlined />} disabled={!r} onClick={() => void download('xlsx')} data-testid="review-excel">{t('incidents.review.excel')}</Button>
          </Space>
        )}
      />
      {review.error ? (
        (review.error as { code?: string }).code === 'INCIDENT_STATE_CONFLICT'
          ? <Alert type="info" showIcon title={t('incidents.review.notReady')} data-testid="review-not-ready" />
          : <ErrorState error={review.error} onRetry={review.reload} />
      ) : !r ? <Skeleton active /> : (
        <>
          <div className="zz-inc-totals" data-testid="review-totals">
            <Card size="small"><Statistic title={t('incidents.review.totals.onTime')} value={r.totals.doneOnTime} styles={{ content: { color: '#2e9e5b' } }} /></Card>
            <Card size="small"><Statistic title={t('incidents.review.totals.late')} value={r.totals.doneLate} styles={{ content: { color: r.totals.doneLate ? '#cf1322' : undefined } }} /></Card>
            <Card size="small"><Statistic title={t('incidents.review.totals.left')} value={r.totals.left} /></Card>
            <Card size="small"><Statistic title={t('incidents.review.totals.longest')} value={minutes(r.totals.longestDelayMinutes)} /></Card>
            <Card size="small"><Statistic title={t('incidents.review.totals.first')} value={minutes(r.totals.minutesToFirstStepDone)} /></Card>
            <Card size="small"><Statistic title={t('incidents.review.totals.duration')} value={minutes(r.totals.durationMinutes)} /></Card>
          </div>
          <Table<ReviewStep>
            rowKey="key" dataSource={r.steps} pagination={false} size="middle" data-testid="review-steps"
            onRow={(s) => ({ 'data-testid': 'review-step', 'data-state': s.state } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('incidents.review.col.step'), dataIndex: 'title' },
              { title: t('incidents.review.col.role'), dataIndex: 'roleName', width: 140 },
              { title: t('incidents.review.col.planned'), key: 'planned', width: 110, render: (_, s) => minutes(s.plannedMinutes) },
              { title: t('incidents.review.col.actual'), key: 'actual', width: 110, render: (_, s) => minutes(s.minutesToDone) },
              { title: t('incidents.review.col.completedAt'), key: 'done', width: 120, render: (_, s) => timeText(s.completedAt) },
              {
                title: t('incidents.review.col.late'), key: 'late', width: 110,
                render: (_, s) => (s.late ? <Tag color="red" data-testid="review-late">{s.lateByMinutes ? minutes(s.lateByMinutes) : t('incidents.steps.late')}</Tag> : s.state === 'done' ? <Tag color="green">{t('incidents.review.onTime')}</Tag> : '—'),
              },
              { title: t('incidents.review.col.state'), key: 'state', width: 130, render: (_, s) => <StepStateTag state={s.state} late={false} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}

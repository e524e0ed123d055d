// 批量导入 (/registry/import): choose what to import, download its template, choose the mode (all valid rows, or
// nothing unless every row is valid — each explained), drop an .xlsx or .csv; the import runs on the server, its
// progress polled here (the address names it, so leaving and coming back finds it); rejected rows are listed by row,
// column and reason, and the error report downloads as the file with the reasons beside the rows. Below: my recent
// imports, to come back to.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Progress, Radio, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IMPORT_MODES, REGISTRY_KINDS, REGISTRY_LIMITS, type ImportMode, type RegistryKind } from '../../../shared/registry.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { downloadTemplate } from './api.ts';
import { downloadReport, fetchImport, listMyImports, startImport, type ImportProgress, type ImportSummary, type Rejection } from './import-api.ts';
import { useEnumLabel } from './parts.tsx';
import './locales.ts';
import './registry.css';

const STATUS_COLOURS = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;
const running = (p: ImportSummary | undefined) => p?.status === 'queued' || p?.status === 'running';

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const [kind, setKind] = useState<RegistryKind>((REGISTRY_KINDS as readonly string[]).includes(asked ?? '') ? asked as RegistryKind : 'residents');
  const [mode, setMode] = useState<ImportMode>('allValid');
  const [uploading, setUploading] = useState(false);
  const importId = params.get('id');
  const mine = useApi((signal) => listMyImports(signal), [importId]);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const { id } = await startImport(kind, mode, file);
      setParams({ kind, id }, { replace: false });
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setUploading(false);
    }
  };
  const template = async () => {
    try { await downloadTemplate(kind, `${t(`registry.tabs.${kind}`)}.xlsx`); } catch (e) { message.error(errorText(e, i18n.language)); }
  };

  return (
    <div data-testid="import-page">
      <PageHeader title={t('registry.import.title')} subtitle={t('registry.import.subtitle')}
        extra={<Link to={`/registry/${kind}`}><Button>{t('registry.actions.back')}</Button></Link>} />
      <div className="zz-reg-file">
        <Card size="small" title={t('registry.import.kind')} data-testid="import-setup">
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Radio.Group
              optionType="button" buttonStyle="solid" value={kind} onChange={(e) => setKind(e.target.value as RegistryKind)} data-testid="import-kind"
              options={REGISTRY_KINDS.map((k) => ({ value: k, label: t(`registry.tabs.${k}`) }))}
            />
            <div>
              <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="import-template">{t('registry.import.template')}</Button>
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{t('registry.import.templateHint')}</Typography.Paragraph>
            </div>
            <div>
              <Typography.Text strong>{t('registry.import.mode')}</Typography.Text>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 6 }} data-testid="import-mode">
                {IMPORT_MODES.map((m) => (
                  <Radio key={m} value={m} data-testid={`import-mode-${m}`}>
                    <div>{t(`registry.enums.importMode.${m}`)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`registry.import.modeHint.${m}`)}</Typography.Text>
                  </Radio>
                ))}
              </Radio.Group>
            </div>
            <Upload.Dragger
              accept=".xlsx,.csv" multiple={false} showUploadList={false} disabled={uploading} data-testid="import-upload"
              beforeUpload={(file) => { void upload(file); return false; }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{uploading ? t('registry.import.uploading') : t('registry.import.file')}</p>
              <p className="ant-upload-hint">{t('registry.import.fileHint', { rows: REGISTRY_LIMITS.importRows.toLocaleString(), mb: REGISTRY_LIMITS.importBytes / 1024 / 1024 })}</p>
            </Upload.Dragger>
            <Typography.Text type="secondary">{t('registry.import.leaveHint')}</Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('registry.import.progress')} data-testid="import-progress-card">
          {importId ? <ImportWatch id={importId} onDone={mine.reload} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.import.leaveHint')} />}
        </Card>
        <Card size="small" title={t('registry.import.recent')} className="zz-reg-wide" data-testid="import-recent">
          <RecentImports items={mine.data?.items ?? []} loading={mine.loading} current={importId} open={(id, k) => setParams({ kind: k, id })} />
        </Card>
      </div>
    </div>
  );
}

/** One import's progress, polled while it runs; its rejected rows and error report once done. */
function ImportWatch({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const [tick, setTick] = useState(0);
  const progress = useApi((signal) => fetchImport(id, signal), [id, tick]);
  const p = progress.data;
  const isRunning = running(p) || (!p && !progress.error);
  useEffect(() => {
    if (!isRunning) { onDone(); return; }
    const timer = setTimeout(() => setTick((n) => n + 1), 1000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isRunning, tick]);
  if (progress.error && !p) return <ErrorState error={progress.error} onRetry={progress.reload} />;
  if (!p) return <Progress percent={0} status="active" />;
  const rejected = p.rejectedCount;
  const zh = i18n.language.startsWith('zh');
  const percent = p.total ? Math.min(100, Math.round((p.processed / p.total) * 100)) : p.status === 'done' ? 100 : 0;
  const reason = (r: Rejection) => (zh ? r.messageZh : r.message);
  const report = async () => {
    try { await downloadReport(p.id, `${t(`registry.tabs.${p.kind}`)}-${t('registry.import.rejected')}.xlsx`); } catch (e) { message.error(errorText(e, i18n.language)); }
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-watch" data-status={p.status}>
      <Space wrap>
        <Tag color={STATUS_COLOURS[p.status]} data-testid="import-status">{label('importStatus', p.status)}</Tag>
        <span>{t(`registry.tabs.${p.kind}`)} · {label('importMode', p.mode)}</span>
        {p.fileName ? <Typography.Text type="secondary" translate="no">{p.fileName}</Typography.Text> : null}
      </Space>
      <Progress percent={percent} status={p.status === 'failed' ? 'exception' : running(p) ? 'active' : 'success'} data-testid="import-bar" />
      <Typography.Text type="secondary" data-testid="import-processed">
        {p.total !== null ? t('registry.import.processed', { processed: p.processed, total: p.total }) : t('registry.import.processedNoTotal', { processed: p.processed })}
      </Typography.Text>
      <Space size={32}>
        <Statistic title={t('registry.import.acceptedTitle')} value={p.accepted} valueStyle={{ color: '#389e0d' }} data-testid="import-accepted" />
        <Statistic title={t('registry.import.rejectedTitle')} value={rejected} valueStyle={{ color: rejected ? '#cf1322' : undefined }} data-testid="import-rejected" />
      </Space>
      {p.status === 'failed' ? <Alert type="error" showIcon title={t('registry.import.failed', { reason: p.failure ? (zh ? p.failure.messageZh : p.failure.message) : '' })} data-testid="import-failure" /> : null}
      {p.status === 'done' && p.mode === 'allOrNothing' && rejected > 0 ? <Alert type="warning" showIcon title={t('registry.import.nothingImported')} data-testid="import-nothing" /> : null}
      {p.status === 'done' || rejected > 0 ? (
        <>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{t('registry.import.rejected')}</Typography.Text>
            {p.policies.includes('downloadReport') ? <Button icon={<DownloadOutlined />} onClick={() => void report()} data-testid="import-report">{t('registry.import.report')}</Button> : null}
          </Space>
          {rejected > 0 ? <Typography.Text type="secondary">{t('registry.import.reportHint')}</Typography.Text> : null}
          <Table<Rejection>
            rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.code}`} size="small" dataSource={p.rejected} data-testid="import-rejections"
            pagination={p.rejected.length > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.import.noRejected')} /> }}
            columns={[
              { title: t('registry.import.row'), dataIndex: 'row', width: 70 },
              { title: t('registry.import.column'), dataIndex: 'column', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('registry.import.reason'), key: 'reason', render: (_, r) => reason(r) },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}

function RecentImports({ items, loading, current, open }: { items: ImportSummary[]; loading: boolean; current: string | null; open: (id: string, kind: RegistryKind) => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Table<ImportSummary>
      rowKey="id" size="small" dataSource={items} loading={loading} pagination={false}
      rowClassName={(r) => (r.id === current ? 'ant-table-row-selected' : '')}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.import.noRecent')} /> }}
      columns={[
        { title: t('registry.import.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        { title: t('registry.import.kind'), dataIndex: 'kind', width: 80, render: (k: RegistryKind) => t(`registry.tabs.${k}`) },
        { title: t('registry.import.fileName'), dataIndex: 'fileName', ellipsis: true, render: (v: string | null) => (v ? <span translate="no">{v}</span> : '—') },
        { title: t('registry.import.mode'), dataIndex: 'mode', width: 150, render: (m: string) => label('importMode', m) },
        { title: t('registry.import.status'), dataIndex: 'status', width: 90, render: (s: ImportSummary['status']) => <Tag color={STATUS_COLOURS[s]}>{label('importStatus', s)}</Tag> },
        { title: t('registry.import.acceptedTitle'), dataIndex: 'accepted', width: 120 },
        { title: t('registry.import.rejectedTitle'), dataIndex: 'rejectedCount', width: 130 },
        { title: '', key: 'open', width: 70, render: (_, r) => <Button type="link" size="small" onClick={() => open(r.id, r.kind)}>{t('registry.import.open')}</Button> },
      ]}
    />
  );
}

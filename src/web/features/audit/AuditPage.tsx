// 审计日志 (the auditor 审计管理员, and admins): search the append-only audit log by time, action, actor and
// result, page on with a cursor, open an entry's detail and hash, and verify the keyed hash chain against the anchors
// kept outside the database (校验完整性).
// The auditor has no account list (三员分立): the actor filter offers the actors met in the log so far.
import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, DatePicker, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { actionName as nameOfAction } from './action-names.ts';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import { useMe } from '../../app/auth.tsx';
import { ACCOUNT_ADMINS, holdsAnyRole } from '../../../shared/roles.ts';
import { readsAuditLog } from '../../app/nav.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Clip } from '../../ui/NameCode.tsx';
import { listAccounts } from '../identity/accounts/api.ts';
import { ACTION_FILTERS, searchAudit, verifyAudit, type AuditEntry, type AuditFilter, type AuditVerify } from './api.ts';
import { auditEn, auditZh } from './locales.ts';
import './audit.css';

type Range = [Dayjs | null, Dayjs | null] | null;

export function AuditPage() {
  const me = useMe();
  const { t } = useTranslation();
  if (!readsAuditLog(me)) return <Result status="403" title={t('audit.title')} subTitle={t('audit.adminOnly')} />;
  return <AuditLog />;
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const texts = i18n.language === 'en' ? auditEn : auditZh;
  const actionName = (action: string) => nameOfAction(action, i18n.language === 'en' ? 'en' : 'zh');
  const targetName = (type: string) => texts.targetTypes[type] ?? type;

  const [range, setRange] = useState<Range>(null);
  const [action, setAction] = useState<string | undefined>(undefined);
  const [actorId, setActorId] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<'all' | 'ok' | 'fail'>('all');
  // the account list names the actors, for those who may read it (三员分立: the security administrator's)
  const listsAccounts = holdsAnyRole(useMe().roles, ACCOUNT_ADMINS);
  const accounts = useApi(listsAccounts ? (signal) => listAccounts(undefined, signal) : null, [listsAccounts]);
  const [seenActors, setSeenActors] = useState<ReadonlyMap<string, string>>(new Map());

  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const ctrl = useRef<AbortController | null>(null);

  const filter: AuditFilter = {
    action, actorId,
    from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString(),
    success: result === 'all' ? undefined : result === 'ok',
  };
  const filterKey = JSON.stringify(filter);

  const load = useCallback(async (f: AuditFilter, after: string | null) => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    setError(undefined);
    try {
      const page = await searchAudit(f, after, c.signal);
      if (c.signal.aborted) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setSeenActors((prev) => {
        const fresh = page.items.filter((e) => e.actorId && e.actorName && !prev.has(e.actorId));
        return fresh.length ? new Map([...prev, ...fresh.map((e) => [e.actorId!, actorLabel(e)] as const)]) : prev;
      });
      setCursor(page.nextCursor);
    } catch (e) {
      if (!c.signal.aborted) setError(e);
    } finally {
      if (!c.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(JSON.parse(filterKey) as AuditFilter, null);
    return () => ctrl.current?.abort();
  }, [filterKey, load]);

  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerify | null>(null);
  const verify = async () => {
    setVerifying(true);
    setVerified(null);
    try {
      setVerified(await verifyAudit());
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setVerifying(false);
    }
  };

  const reset = () => { setRange(null); setAction(undefined); setActorId(undefined); setResult('all'); };

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')} subtitle={t('audit.subtitle')}
        extra={<Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">{t('audit.verify')}</Button>}
      />
      <div className="zz-page">
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('audit.retention')} data-testid="audit-retention" />
        {verified ? <VerifyResult verdict={verified} onClose={() => setVerified(null)} /> : null}
        <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={range} onChange={(v) => setRange(v as Range)} allowEmpty={[true, true]}
            placeholder={[t('audit.rangeFrom'), t('audit.rangeTo')]} presets={[
              { label: t('audit.today'), value: [dayjs().startOf('day'), dayjs().endOf('day')] },
              { label: t('audit.last7'), value: [dayjs().subtract(7, 'day'), dayjs()] },
              { label: t('audit.last30'), value: [dayjs().subtract(30, 'day'), dayjs()] },
            ]}
          />
          <Select
            allowClear style={{ width: 160 }} placeholder={t('audit.action')} value={action} onChange={setAction} data-testid="audit-action"
            options={ACTION_FILTERS.map((a) => ({ value: a.prefix, label: t(`audit.actions.${a.key}`) }))}
          />
          <Select
            allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} placeholder={t('audit.actor')} value={actorId} onChange={setActorId}
            loading={accounts.loading} data-testid="audit-actor"
            options={actorOptions(accounts.data?.items ?? [], seenActors)}
          />
          <Select
            style={{ width: 140 }} value={result} onChange={setResult} data-testid="audit-result"
            options={[{ value: 'all', label: `${t('audit.result')}：${t('audit.all')}` }, { value: 'ok', label: t('audit.success') }, { value: 'fail', label: t('audit.failure') }]}
          />
          <Button onClick={reset}>{t('audit.reset')}</Button>
        </Space>
        {error && items.length === 0 ? <ErrorState error={error} onRetry={() => void load(filter, null)} /> : (
          <>
            <Table<AuditEntry>
              rowKey="id" size="middle" dataSource={items} loading={loading && items.length === 0} pagination={false} data-testid="audit-table"
              onRow={(r) => ({ 'data-action': r.action, 'data-success': String(r.success) } as HTMLAttributes<HTMLElement>)}
              expandable={{
                expandRowByClick: true,
                expandedRowRender: (r) => (
                  <div className="zz-audit-detail" data-testid="audit-detail">
                    <div><Typography.Text type="secondary">{t('audit.detail')}</Typography.Text>
                      {r.detail === null || r.detail === undefined ? <div><Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text></div>
                        : <pre>{JSON.stringify(r.detail, null, 2)}</pre>}
                    </div>
                    <div>
                      {r.targetId ? (
                        <div className="zz-audit-id"><Typography.Text type="secondary">{t('audit.targetId')}</Typography.Text>
                          <div><Typography.Text code copyable className="zz-audit-hash" translate="no" data-testid="audit-target-id">{r.targetId}</Typography.Text></div>
                        </div>
                      ) : null}
                      <Typography.Text type="secondary">{t('audit.hash')}</Typography.Text>
                      <div><Typography.Text code copyable className="zz-audit-hash" data-testid="audit-hash">{r.hash}</Typography.Text></div>
                    </div>
                  </div>
                ),
              }}
              columns={[
                { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
                { title: t('audit.col.actor'), key: 'actor', width: 160, render: (_, r) => (r.actorName ? (
                  <span className="zz-clip" data-testid="audit-actor-name">
                    {r.actorDisplayName ? <>{r.actorDisplayName} </> : null}
                    <Typography.Text type={r.actorDisplayName ? 'secondary' : undefined} translate="no" style={r.actorDisplayName ? { fontSize: 12 } : undefined}>{r.actorName}</Typography.Text>
                  </span>
                ) : t('audit.anonymous')) },
                { title: t('audit.col.action'), dataIndex: 'action', width: 180, render: (a: string) => <Clip text={actionName(a)} /> },
                { title: t('audit.col.target'), key: 'target', render: (_, r) => {
                  if (!r.targetId) return '—';
                  // by name; the raw id is in the opened row
                  const label = (
                    <>
                      {r.targetType ? `${targetName(r.targetType)} · ` : ''}
                      {r.targetName ? <span translate="no">{r.targetName}</span>
                        : r.targetType === 'route' || r.targetType === 'working_calendar' ? <span translate="no">{r.targetId}</span>
                          : <Typography.Text type="secondary">{t('audit.unnamedTarget')}</Typography.Text>}
                    </>
                  );
                  return <Tooltip title={label} placement="topLeft" mouseEnterDelay={0.3}><span className="zz-clip" data-testid="audit-target">{label}</span></Tooltip>;
                } },
                { title: t('audit.col.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
                { title: t('audit.col.result'), dataIndex: 'success', width: 80, render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? t('audit.success') : t('audit.failure')}</Tag> },
              ]}
            />
            <div className="zz-audit-more">
              {cursor ? (
                <Button loading={loading} onClick={() => void load(filter, cursor)} data-testid="audit-more">{t('audit.loadMore')}</Button>
              ) : items.length > 0 ? <Typography.Text type="secondary">{t('audit.noMore', { count: items.length })}</Typography.Text> : null}
              {cursor ? <Typography.Text type="secondary">{t('audit.shown', { count: items.length })}</Typography.Text> : null}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** The verdict: the chain (rows, with the ones from before the key) and the anchors kept outside the database. */
function VerifyResult({ verdict: v, onClose }: { verdict: AuditVerify; onClose: () => void }) {
  const { t } = useTranslation();
  const a = v.anchors;
  const title = v.ok ? t('audit.verifyOk', { count: v.checked })
    : v.brokenAt ? t('audit.verifyBroken', { id: v.brokenAt.id, count: v.checked, reason: t(`audit.reasons.${v.brokenAt.reason}`) })
      : t('audit.verifyAnchorBroken', { count: v.checked });
  const lines = [
    a.brokenAt ? t('audit.anchorBroken', { line: a.brokenAt.line, reason: t(`audit.anchorReasons.${a.brokenAt.reason}`, { id: a.brokenAt.id ?? '?' }) }) : null,
    a.latestAt ? t('audit.anchorsOk', { count: a.checked, at: dayjs(a.latestAt).format('YYYY-MM-DD HH:mm:ss') }) : a.checked === 0 ? t('audit.anchorsNone') : null,
    a.pruned > 0 ? t('audit.anchorsPruned', { count: a.pruned }) : null,
    v.unkeyed > 0 ? t('audit.unkeyed', { count: v.unkeyed }) : null,
  ].filter((l): l is string => l !== null);
  return (
    <Alert type={v.ok ? 'success' : 'error'} showIcon closable onClose={onClose} style={{ marginBottom: 12 }}
      title={title} description={lines.map((l) => <div key={l}>{l}</div>)} data-testid="audit-verify-result" data-ok={String(v.ok)} />
  );
}

/** An actor as a label: the display name with the username beside it, or the username alone. */
const actorLabel = (e: AuditEntry) => (e.actorDisplayName ? `${e.actorDisplayName}（${e.actorName}）` : e.actorName!);

/** Accounts the admin may list, then anyone else seen acting in the log (by name and username), without repeats. */
function actorOptions(accounts: readonly { id: string; name: string; username: string }[], seen: ReadonlyMap<string, string>) {
  const known = new Set(accounts.map((a) => a.id));
  return [
    ...accounts.map((a) => ({ value: a.id, label: `${a.name}（${a.username}）` })),
    ...[...seen].filter(([id]) => !known.has(id)).map(([id, label]) => ({ value: id, label })),
  ];
}

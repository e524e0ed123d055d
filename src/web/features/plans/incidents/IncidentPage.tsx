// An incident's command page (/incidents/:id): its level (and history), the steps' progress, the steps with their
// work orders and checklists to tick, the map of resources and affected grids, the roles with their holders, the log
// and the CAP alerts (each downloadable as XML); 调整级别 and 解除响应 with reasons when the caller may; 处置复盘.
// Live: a change of one of its work orders reads the incident again.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, List, Skeleton, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { CaseDrawer } from '../../cases/desktop/public.ts';
import { capXmlUrl, downloadFile, fetchIncident, subscribeCaseEvents, type IncidentDetail, type LogEntry } from './api.ts';
import { DrillTag, LevelBadge, StepProgress, stepCounts, timeText } from './parts.tsx';
import { StepList } from './StepList.tsx';
import { IncidentMap, RESOURCE_COLORS } from './IncidentMap.tsx';
import { LevelModal, StandDownModal } from './IncidentModals.tsx';
import './locales.ts';
import './incidents.css';

export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const loaded = useApi((signal) => fetchIncident(id, signal), [id]);
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'level' | 'standDown' | null>(null);
  const [tab, setTab] = useState('steps');
  useEffect(() => { if (loaded.data) setIncident(loaded.data); }, [loaded.data]);

  // its work orders' changes (handled in the loop, a tick handing one in) come over the case stream
  const orders = useRef(new Set<string>());
  orders.current = new Set(incident?.steps.map((s) => s.workOrder.id));
  const { reload } = loaded;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents((e) => {
      if (!orders.current.has(e.caseId)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 400);
    });
    return () => { off(); clearTimeout(timer); };
  }, [reload]);

  if (loaded.error && !incident) return <div className="zz-page"><ErrorState error={loaded.error} onRetry={loaded.reload} /></div>;
  if (!incident) return <div className="zz-page"><Skeleton active /></div>;
  const i = incident;
  const active = i.status === 'active';
  const done = (next: IncidentDetail) => { setIncident(next); setDialog(null); reload(); };

  return (
    <div className="zz-page" data-testid="incident-page" data-status={i.status} data-level={i.level}>
      <PageHeader
        title={<span className="zz-inc-head"><span>{i.title}</span><LevelBadge level={i.level} big />{i.drill ? <DrillTag /> : null}
          <Tag color={active ? 'orange' : 'default'} data-testid="incident-status" style={{ marginInlineEnd: 0 }}>{t(`incidents.status.${i.status}`)}</Tag></span>}
        subtitle={<span><span className="zz-code" translate="no">{i.number}</span> · {t(`incidents.hazards.${i.hazard}`)} · {t(`incidents.triggers.${i.triggerKind}`)}</span>}
        extra={(
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/incidents')}>{t('incidents.back')}</Button>
            {i.policies.includes('level') ? <Button onClick={() => setDialog('level')} data-testid="incident-level-change">{t('incidents.level.change')}</Button> : null}
            {i.policies.includes('standDown') ? <Button danger onClick={() => setDialog('standDown')} data-testid="incident-stand-down">{t('incidents.standDown.button')}</Button> : null}
            {active ? null : <Button icon={<FileSearchOutlined />} onClick={() => navigate(`/incidents/${i.id}/review`)} data-testid="incident-review">{t('incidents.review.open')}</Button>}
          </Space>
        )}
      />
      <div className="zz-inc-grid">
        <div>
          <Card size="small" style={{ marginBottom: 16 }}><StepProgress steps={stepCounts(i.steps)} /></Card>
          <Tabs
            activeKey={tab} onChange={setTab}
            items={[
              { key: 'steps', label: <span data-testid="incident-tab-steps">{t('incidents.tabsPage.steps')}</span>, children: <StepList incident={i} onOpenOrder={setCaseId} onChanged={reload} /> },
              { key: 'map', label: <span data-testid="incident-tab-map">{t('incidents.tabsPage.map')}</span>, children: <MapAndResources incident={i} /> },
              { key: 'roles', label: <span data-testid="incident-tab-roles">{t('incidents.tabsPage.roles')}</span>, children: <Roles incident={i} /> },
              { key: 'log', label: <span data-testid="incident-tab-log">{t('incidents.tabsPage.log')}</span>, children: <Log incident={i} /> },
              { key: 'cap', label: <span data-testid="incident-tab-cap">{t('incidents.tabsPage.cap')}</span>, children: <CapAlerts incident={i} /> },
            ]}
          />
        </div>
        <div className="zz-inc-side">
          <Card size="small" data-testid="incident-facts">
            <Descriptions size="small" column={1} items={[
              { key: 'plan', label: t('incidents.page.plan'), children: t('incidents.page.planVersion', { name: i.planName, version: i.planVersion }) },
              { key: 'reason', label: t('incidents.page.reason'), children: i.reason },
              { key: 'activated', label: t('incidents.page.activated'), children: t('incidents.page.activatedBy', { name: i.activatedByName ?? t('incidents.page.systemActor'), time: timeText(i.activatedAt) }) },
              ...(i.address ? [{ key: 'address', label: t('incidents.page.address'), children: i.address }] : []),
              ...(i.stoodDownAt ? [
                { key: 'down', label: t('incidents.page.stoodDown'), children: t('incidents.page.activatedBy', { name: i.stoodDownByName ?? '', time: timeText(i.stoodDownAt) }) },
                { key: 'downReason', label: t('incidents.page.standDownReason'), children: <span data-testid="stand-down-reason-shown">{i.standDownReason}</span> },
              ] : []),
            ]} />
          </Card>
          <Card size="small" title={t('incidents.level.history')} data-testid="level-history">
            <Timeline items={i.levelHistory.map((h) => ({
              key: h.at + h.to,
              content: (
                <div>
                  <div>{h.from ? t('incidents.level.changed', { from: t(`incidents.levels.${h.from}`), to: t(`incidents.levels.${h.to}`) }) : t('incidents.level.started', { to: t(`incidents.levels.${h.to}`) })}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{timeText(h.at)} · {h.byName ?? t('incidents.page.systemActor')}</Typography.Text>
                  <div style={{ fontSize: 13 }}>{h.reason}</div>
                </div>
              ),
            }))} />
          </Card>
        </div>
      </div>
      <LevelModal incident={i} open={dialog === 'level'} onClose={() => setDialog(null)} onDone={done} />
      <StandDownModal incident={i} open={dialog === 'standDown'} onClose={() => setDialog(null)} onDone={done} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={reload} /> : null}
    </div>
  );
}

function MapAndResources({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <div>
      <IncidentMap incident={i} />
      <List
        size="small" style={{ marginTop: 12 }} header={<strong>{t('incidents.map.resources')}</strong>} dataSource={i.resources} data-testid="incident-resources"
        renderItem={(r) => (
          <List.Item>
            <Space wrap>
              <Tag color={RESOURCE_COLORS[r.kind]}>{t(`incidents.resourceKinds.${r.kind}`)}</Tag>
              <strong>{r.name}</strong>
              {r.quantity !== null ? <span>{t('incidents.resource.quantity', { quantity: r.quantity, unit: r.unit ?? '' })}</span> : null}
              {r.address ? <Typography.Text type="secondary">{r.address}</Typography.Text> : null}
              {r.contactName ? <span>{t('incidents.resource.contact', { name: r.contactName })} <span className="zz-code" translate="no">{r.contactPhone ?? ''}</span></span> : null}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

function Roles({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <List
      size="small" dataSource={i.roles} data-testid="incident-roles"
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta title={r.name} description={r.postName ? t('incidents.roles.post', { name: r.postName }) : null} />
          <span>{r.holders.length ? r.holders.map((h) => h.name).join('、') : <Typography.Text type="danger">{t('incidents.roles.none')}</Typography.Text>}</span>
        </List.Item>
      )}
    />
  );
}

function logDetail(t: (k: string, o?: Record<string, unknown>) => string, e: LogEntry, titleOf: (key: unknown) => string | null): string | null {
  const d = e.data as Record<string, unknown>;
  const titles = (xs: unknown[]) => xs.map((x) => (typeof x === 'string' ? titleOf(x) ?? x : (x as { title?: string }).title ?? '')).join('、');
  switch (e.action) {
    case 'activated': return typeof d.level === 'string' ? t('incidents.level.started', { to: t(`incidents.levels.${d.level}`) }) : null;
    case 'level_changed': return typeof d.from === 'string' && typeof d.to === 'string' ? t('incidents.level.changed', { from: t(`incidents.levels.${d.from}`), to: t(`incidents.levels.${d.to}`) }) : null;
    case 'steps_added': return Array.isArray(d.steps) ? t('incidents.log.stepsAdded', { count: d.steps.length, titles: titles(d.steps) }) : null;
    case 'stood_down': return Array.isArray(d.left) && d.left.length ? t('incidents.log.leftSteps', { titles: titles(d.left) }) : null;
    case 'step_checked': case 'step_unchecked': return typeof d.text === 'string' ? `${titleOf(d.stepKey) ?? ''} ${t('incidents.log.item', { item: d.text })}` : null;
    case 'step_completed': return titleOf(d.stepKey);
    case 'notified': return Array.isArray(d.recipients) ? t('incidents.log.recipients', { count: d.recipients.length }) : null;
    case 'partner_notified': case 'partner_failed': return typeof d.partner === 'string' ? d.partner : null;
    default: return null;
  }
}

function Log({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const entries = incident.log;
  const titleOf = (key: unknown) => incident.steps.find((s) => s.key === key)?.title ?? null;
  if (!entries.length) return <Empty description={t('incidents.log.empty')} />;
  return (
    <Timeline data-testid="incident-log" items={entries.map((e) => {
      const detail = logDetail(t as never, e, titleOf);
      return {
        key: e.id,
        color: e.action === 'stood_down' ? 'gray' : e.action === 'partner_failed' ? 'red' : e.action === 'level_changed' ? 'orange' : 'blue',
        content: (
          <div data-testid="log-entry" data-action={e.action}>
            <Space size={6} wrap>
              <strong>{t(`incidents.log.${e.action}`)}</strong>
              {detail ? <span>{detail}</span> : null}
            </Space>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{timeText(e.at)} · {e.actorName ?? t(e.action === 'activated' ? 'incidents.page.systemActor' : 'incidents.page.system')}</Typography.Text></div>
            {e.reason ? <div style={{ fontSize: 13 }}>{e.reason}</div> : null}
          </div>
        ),
      };
    })} />
  );
}

function CapAlerts({ incident: i }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  if (!i.capAlerts.length) return <Empty description={t('incidents.cap.empty')} />;
  const download = async (seq: number) => {
    try { await downloadFile(capXmlUrl(i.id, seq), `${i.number}-${seq}.xml`); } catch (e) { message.error(errorText(e, i18n.language)); }
  };
  return (
    <div data-testid="incident-cap">
      {i.capAlerts.map((a, n) => (
        <div className="zz-inc-cap" key={a.identifier} data-testid="cap-alert" data-msg-type={a.msgType}>
          <div className="zz-inc-cap-head">
            <Tag color={a.msgType === 'Cancel' ? 'default' : a.msgType === 'Update' ? 'orange' : 'red'}>{t(`incidents.cap.msgType.${a.msgType}`)}</Tag>
            <Tag color={a.status === 'Exercise' ? 'purple' : 'blue'}>{t(`incidents.cap.status.${a.status}`)}</Tag>
            <Tag>{t(`incidents.cap.severity.${a.info.severity}`)}</Tag>
            <strong>{a.info.headline}</strong>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(n + 1)} data-testid="cap-download">{t('incidents.cap.download')}</Button>
          </div>
          <div style={{ fontSize: 13 }}>{a.info.description}</div>
          <div style={{ fontSize: 13, marginTop: 4 }}>{a.info.instruction}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('incidents.cap.sent')} {timeText(a.sent)} · {t('incidents.cap.expires')} {timeText(a.info.expires)} · {t('incidents.cap.area')} {a.info.area.areaDesc}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

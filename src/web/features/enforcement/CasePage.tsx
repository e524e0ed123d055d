// 执法案件: number, status, matter (source), where it came from (the loop case opens in the case drawer); the handling
// clock against the 15-minute mark; subject (masked, 查看完整信息 for those allowed, audited), facts, evidence gallery;
// the proposed band against the confirmed one with the departure reason; legal review, decision, execution; the steps
// with the minutes each took; and the buttons of the steps the caller may take now (from `policies`), the decision
// document as Word or PDF once decided.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../lib/api.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { CaseDrawer } from '../cases/desktop/public.ts';
import { decisionUrl, downloadFile, fetchCase, type CaseDetail, type CasePolicy, type TimelineEntry } from './api.ts';
import { CaseDialog, type DialogKind } from './CaseDialogs.tsx';
import { bandText, penaltyText, SourceTag, StatusTag, timeText } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

/** The step buttons in their order, each with the policy that offers it. */
const STEP_BUTTONS: { policy: CasePolicy; dialog: DialogKind; primary?: boolean; danger?: boolean }[] = [
  { policy: 'confirmBand', dialog: 'confirm-band', primary: true },
  { policy: 'review', dialog: 'review', primary: true },
  { policy: 'decide', dialog: 'decide', primary: true },
  { policy: 'pay', dialog: 'pay', primary: true },
  { policy: 'execute', dialog: 'execute', primary: true },
  { policy: 'close', dialog: 'close', primary: true },
  { policy: 'updateFacts', dialog: 'update-facts' },
  { policy: 'addEvidence', dialog: 'add-evidence' },
  { policy: 'drop', dialog: 'drop', danger: true },
];

export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unmasked, setUnmasked] = useState(false);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [loopOpen, setLoopOpen] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setKase(null); setError(null); setUnmasked(false);
    fetchCase(id, false, ctrl.signal).then(setKase, (e: unknown) => { if (!ctrl.signal.aborted) setError(e); });
    return () => ctrl.abort();
  }, [id]);

  const unmask = () => { fetchCase(id, true).then((c) => { setKase(c); setUnmasked(true); }, (e: unknown) => message.error(errorText(e, i18n.language))); };
  const done = (c: CaseDetail, action: DialogKind) => { setKase(c); setDialog(null); message.success(t('enf.actions.done', { action: t(`enf.actions.${action}`) })); };
  const download = async (format: 'pdf' | 'docx') => {
    if (!kase) return;
    try {
      const name = await downloadFile(decisionUrl(kase.id, format), `${kase.number}.${format}`);
      message.success(t('enf.detail.downloaded', { name }));
    } catch (e) { message.error(errorText(e, i18n.language)); }
  };

  if (error) return <div className="zz-page"><ErrorState error={error} /></div>;
  if (!kase) return <div className="zz-page"><Skeleton active paragraph={{ rows: 12 }} /></div>;
  const can = (p: CasePolicy) => kase.policies.includes(p);
  const s = kase.subject;

  return (
    <div className="zz-page" data-testid="enf-case-page" data-id={kase.id} data-status={kase.status} data-version={kase.version}>
      <div className="enf-head">
        <Button onClick={() => navigate('/enforcement/cases')}>{t('enf.detail.back')}</Button>
        <span className="enf-number zz-code" data-testid="enf-number">{kase.number}</span>
        <StatusTag status={kase.status} />
        <SourceTag source={kase.matter.source} />
        <strong>{kase.matter.name}</strong>
      </div>
      <Space wrap style={{ marginBottom: 12 }} data-testid="enf-actions">
        {STEP_BUTTONS.filter((b) => can(b.policy)).map((b) => (
          <Button key={b.policy} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setDialog(b.dialog)} data-testid={`enf-action-${b.dialog}`}>
            {t(`enf.actions.${b.dialog}`)}
          </Button>
        ))}
        {can('downloadDecision') ? (
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void download('docx')} data-testid="enf-decision-docx">{t('enf.detail.downloadDocx')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download('pdf')} data-testid="enf-decision-pdf">{t('enf.detail.downloadPdf')}</Button>
          </>
        ) : null}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <HandlingClock kase={kase} />
          <Card size="small" title={t('enf.detail.subject')} style={{ marginBottom: 12 }}
            extra={can('unmask') && s.masked ? <Button size="small" icon={<EyeOutlined />} onClick={unmask} data-testid="enf-unmask">{t('enf.detail.unmask')}</Button> : null}>
            {unmasked ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('enf.detail.unmasked')} /> : null}
            <Descriptions size="small" column={2} data-testid="enf-subject" items={[
              { key: 'name', label: t('enf.create.subjectName'), children: <span data-testid="enf-subject-name">{s.name}</span> },
              { key: 'kind', label: t('enf.create.subjectKind'), children: t(`enf.subjectKinds.${s.kind}`) },
              ...(s.idNumber ? [{ key: 'id', label: t('enf.create.idNumber'), children: <span className="zz-code">{s.idNumber}</span> }] : []),
              ...(s.creditCode ? [{ key: 'cc', label: t('enf.create.creditCode'), children: <span className="zz-code">{s.creditCode}</span> }] : []),
              ...(s.phone ? [{ key: 'phone', label: t('enf.create.phone'), children: <span className="zz-code">{s.phone}</span> }] : []),
              ...(s.address ? [{ key: 'addr', label: t('enf.create.address'), children: s.address }] : []),
            ]} />
          </Card>
          <Card size="small" title={t('enf.detail.description')} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1} items={[
              { key: 'd', label: t('enf.detail.description'), children: <span style={{ whiteSpace: 'pre-wrap' }} data-testid="enf-description">{kase.description}</span> },
              { key: 'a', label: t('enf.detail.address'), children: `${kase.gridName}${kase.address ? ` · ${kase.address}` : ''}` },
              ...(kase.loopCase ? [{
                key: 'loop', label: t('enf.detail.loopCase'),
                children: <Typography.Link onClick={() => setLoopOpen(kase.loopCase!.id)} className="zz-code" data-testid="enf-loop-case">{kase.loopCase.number}</Typography.Link>,
              }] : []),
              ...(kase.inspectionNumber ? [{
                key: 'ins', label: t('enf.detail.inspection'),
                children: <Typography.Link onClick={() => navigate(`/enforcement/inspections/${kase.inspectionId}`)} className="zz-code">{kase.inspectionNumber}</Typography.Link>,
              }] : []),
              { key: 'o', label: t('enf.detail.openedBy'), children: `${kase.openedByName ?? ''} · ${timeText(kase.openedAt)}` },
              ...(kase.officers.length ? [{ key: 'off', label: t('enf.detail.officers'), children: kase.officers.map((o) => o.name).join('、') }] : []),
            ]} />
          </Card>
          <Card size="small" title={t('enf.detail.facts')} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2} bordered data-testid="enf-facts-read"
              items={kase.facts.map((f) => ({ key: f.key, label: f.label, children: f.value === null ? t('enf.none') : f.display }))} />
          </Card>
          <BandCard kase={kase} />
          <Card size="small" title={t('enf.detail.evidence')} style={{ marginBottom: 12 }} data-testid="enf-evidence">
            {kase.evidence.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enf.detail.noEvidence')} /> : (
              <Image.PreviewGroup>
                <div className="enf-gallery">
                  {kase.evidence.map((e) => (e.thumbUrl || e.url ? (
                    <div key={e.id} data-testid="enf-evidence-item">
                      <Image width={120} height={90} style={{ objectFit: 'cover', borderRadius: 4 }} src={e.thumbUrl ?? e.url ?? ''} preview={{ src: e.url ?? undefined }} />
                      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`enf.evidenceKinds.${e.kind}`)} · {timeText(e.takenAt)}</Typography.Text></div>
                    </div>
                  ) : (
                    <div key={e.id} style={{ width: '100%' }} data-testid="enf-evidence-item">
                      <Tag>{t(`enf.evidenceKinds.${e.kind}`)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.byName ?? ''} · {timeText(e.takenAt)}</Typography.Text>
                      {e.text ? <div className="enf-evidence-text">{e.text}</div> : null}
                    </div>
                  )))}
                </div>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('enf.detail.timeline')} data-testid="enf-timeline">
            <Steps entries={kase.timeline} />
          </Card>
        </Col>
      </Row>
      <CaseDialog kind={dialog} kase={kase} onClose={() => setDialog(null)} onDone={done} />
      <CaseDrawer caseId={loopOpen} onClose={() => setLoopOpen(null)} />
    </div>
  );
}

/** The minutes from opening to the decision, on a bar with the 15-minute mark; ticking while not decided. */
function HandlingClock({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const decided = kase.handlingMinutes !== null;
  useEffect(() => {
    if (decided || kase.status === 'dropped') return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [decided, kase.status]);
  const minutes = decided ? kase.handlingMinutes! : Math.max(0, (now - Date.parse(kase.openedAt)) / 60_000);
  const target = kase.targetMinutes;
  const over = minutes > target;
  const scale = Math.max(target * 1.5, minutes);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="enf-clock" data-minutes={decided ? Math.round(minutes) : ''} data-within={decided ? String(kase.withinTarget) : ''}>
      <div className="enf-clock">
        <Typography.Text type="secondary">{t('enf.detail.handling')}</Typography.Text>
        <span className={`enf-clock-value ${over ? 'is-over' : 'is-ok'}`}>{t('enf.minutes', { count: Math.round(minutes) })}</span>
        {decided
          ? <Tag color={kase.withinTarget ? 'success' : 'error'}>{kase.withinTarget ? t('enf.detail.withinTarget', { target }) : t('enf.detail.overTarget', { target })}</Tag>
          : <Typography.Text type="secondary">{t('enf.detail.notDecided')}</Typography.Text>}
      </div>
      <div className="enf-clock-bar">
        <div className={`enf-clock-fill ${over ? 'is-over' : ''}`} style={{ width: `${Math.min(100, (minutes / scale) * 100)}%` }} />
        <div className="enf-clock-mark" style={{ left: `${(target / scale) * 100}%` }}><span>{t('enf.detail.target', { target })}</span></div>
      </div>
      <div style={{ height: 14 }} />
    </Card>
  );
}

/** The proposed band and what was confirmed (with the departure and its reason), the review, decision and execution. */
function BandCard({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const c = kase.confirmed;
  return (
    <Card size="small" title={t('enf.band.title')} style={{ marginBottom: 12 }} data-testid="enf-band">
      <Descriptions size="small" column={1} bordered items={[
        {
          key: 'p', label: t('enf.band.proposed'),
          children: <span data-testid="enf-proposed"><Tag color="red">{kase.proposed.name}</Tag>{bandText(t, kase.proposed.penalty)}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{kase.proposed.description}</Typography.Text></div></span>,
        },
        ...(c ? [{
          key: 'c', label: t('enf.band.confirmed'),
          children: (
            <span data-testid="enf-confirmed">
              <Tag color="blue">{c.name}</Tag>{penaltyText(t, c.penalty)}
              {kase.departure ? <div><Tag color="orange">{t('enf.band.departure')}</Tag>{t('enf.band.departureReason')}：{kase.departureReason}</div> : null}
            </span>
          ),
        }] : []),
        ...(kase.review ? [{
          key: 'r', label: t('enf.detail.review'),
          children: (
            <span data-testid="enf-review">
              <Tag color={kase.review.approved ? 'success' : 'warning'}>{kase.review.approved ? t('enf.detail.approved') : t('enf.detail.returned')}</Tag>
              {kase.review.opinion}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enf.detail.reviewBy', { name: kase.review.byName, time: timeText(kase.review.at) })}</Typography.Text></div>
            </span>
          ),
        }] : []),
        ...(kase.reviewReturns > 0 ? [{ key: 'rr', label: t('enf.detail.review'), children: t('enf.detail.reviewReturns', { count: kase.reviewReturns }) }] : []),
        ...(kase.decision ? [{
          key: 'd', label: t('enf.detail.decision'),
          children: <span data-testid="enf-decision"><strong>{kase.decision.number}</strong> · {penaltyText(t, kase.decision.penalty)} · {timeText(kase.decision.at)}</span>,
        }] : []),
        ...(kase.execution ? [{
          key: 'e', label: t('enf.detail.execution'),
          children: (
            <span data-testid="enf-execution">
              {kase.execution.kind === 'paid' ? `${t('enf.detail.receiptNo')} ${kase.execution.receiptNo ?? ''} · ${kase.execution.amountYuan ?? ''} ${t('enf.yuan')}` : kase.execution.note}
              {' · '}{timeText(kase.execution.at)}
            </span>
          ),
        }] : []),
        ...(kase.dropReason ? [{ key: 'x', label: t('enf.detail.dropReason'), children: kase.dropReason }] : []),
      ]} />
    </Card>
  );
}

/** Each step with who and when, the minutes it took since the step before (the server's), and the minutes since opening. */
function Steps({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const opened = entries[0] ? Date.parse(entries[0].at) : 0;
  return (
    <Timeline className="enf-steps" items={entries.map((e, i) => {
      const took = e.minutes;
      const since = (Date.parse(e.at) - opened) / 60_000;
      const name = e.action === 'review' ? (e.data.approved === false ? t('enf.events.reviewReturned') : t('enf.events.reviewApproved')) : t(`enf.events.${e.action}`, { defaultValue: e.action });
      return {
        key: `${i}`,
        color: e.action === 'drop' || (e.action === 'review' && e.data.approved === false) ? 'red' : e.action === 'decide' ? 'blue' : 'green',
        content: (
          <div data-testid="enf-step" data-action={e.action}>
            <strong>{name}</strong>
            {i > 0 ? <span className="enf-step-min">+{t('enf.minutes', { count: Math.round(took) })}</span> : null}
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName ?? ''} · {timeText(e.at)} · {t('enf.detail.stepMinutes', { count: Math.round(since) })}</Typography.Text></div>
          </div>
        ),
      };
    })} />
  );
}

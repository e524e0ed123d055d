// 预案 (one plan, /plans/:id, or a new one, /plans/new): its sections as one form over the current version's body —
// basics, levels, triggers, roles (posts by name, back-ups), steps (ordered, due offsets, from which level, checklists),
// resources (placed on a map, contacts), CAP notice texts. Saving makes a new version (with the version read: 409 loads
// the latest); the server's refusals (PLAN_INVALID) are listed. Readers see it read-only; the command center starts it
// (启动 / 演练) from here; 修订记录 compares versions' steps; 停用 with a reason.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, App, Button, Card, Form, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined, HistoryOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate, useParams } from 'react-router';
import { PLAN_LIMITS, type PlanBody } from '../../../shared/plans.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { createPlan, fetchPlan, listMatters, listTownPosts, newIdempotencyKey, retirePlan, savePlan, type PlanDetail } from './api.ts';
import { BasicsSection, LevelsSection, NoticeSection, ResourcesSection, RolesSection, StepsSection, TriggersSection, type Option, type PostOption } from './PlanSections.tsx';
import { ActivateDialog } from './ActivateDialog.tsx';
import { PlanVersionsDrawer } from './PlanVersionsDrawer.tsx';
import { HazardTag, LevelTag, timeText } from './parts.tsx';
import './locales.ts';
import './plans.css';

const SECTIONS = ['basics', 'levels', 'triggers', 'roles', 'steps', 'resources', 'notice'] as const;

export function PlanEditorPage() {
  const { id = 'new' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNew = id === 'new';
  const plan = useApi(isNew ? null : (signal) => fetchPlan(id, signal), [id]);
  return (
    <div className="zz-page" data-testid="plan-editor">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} onClick={() => navigate('/plans')}>{t('plans.editor.back')}</Button>
      {plan.error ? <ErrorState error={plan.error} onRetry={plan.reload} /> : !isNew && !plan.data ? <Spin /> : (
        <Editor key={plan.data ? `${plan.data.id}:${plan.data.currentVersion}` : 'new'} saved={plan.data ?? null} onReload={plan.reload} />
      )}
    </div>
  );
}

function emptyBody(t: (k: string) => string): PlanBody {
  return {
    name: '', hazard: 'flood', matterCode: '', summary: '', levels: ['IV', 'III', 'II', 'I'], triggers: [],
    roles: [{ key: 'r1', name: t('plans.editor.newRole'), postCode: null, backupAccountIds: [] }],
    steps: [{ key: 's1', title: '', roleKey: 'r1', dueOffsetMin: 30, fromLevel: 'IV', checklist: [] }],
    resources: [],
    notice: { event: '', urgency: 'Expected', severity: null, certainty: 'Likely', headline: '', description: '', instruction: '', areaDesc: '', expiresAfterH: 24 },
  };
}

interface Problem { field?: string; message?: string; messageZh?: string; problem?: string }

/** The server's reasons of a refusal (PLAN_INVALID's `details.reasons`, or a 400's field problems named by their place in the form). */
function problemList(e: unknown, t: TFunction): string[] {
  if (!(e instanceof ApiError) || !e.details) return [];
  const d = e.details as unknown;
  if (Array.isArray(d)) return d.map((x) => (typeof x === 'string' ? x : fieldText(t, x as Problem))).filter(Boolean);
  const reasons = typeof d === 'object' ? (d as { reasons?: unknown }).reasons : undefined;
  return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
}

const BASICS: Record<string, string> = { name: 'basics.name', hazard: 'basics.hazard', matterCode: 'basics.matter', summary: 'basics.summary', levels: 'sections.levels' };
const PARTS: Record<string, Record<string, string>> = {
  steps: { title: 'step.title', roleKey: 'step.role', dueOffsetMin: 'step.due', fromLevel: 'step.fromLevel', checklist: 'step.checklist' },
  roles: { name: 'role.name', postCode: 'role.post', backupAccountIds: 'role.backups' },
  resources: { name: 'resource.name', quantity: 'resource.quantity', unit: 'resource.unit', address: 'resource.address', contactName: 'resource.contactName', contactPhone: 'resource.contactPhone', location: 'resource.location' },
  triggers: { alarmType: 'trigger.alarmType', categoryCode: 'trigger.categoryCode', alertType: 'trigger.alertType', level: 'trigger.level' },
};
const ROW: Record<string, string> = { steps: 'step.order', roles: 'sections.roles', resources: 'sections.resources', triggers: 'sections.triggers' };

/** "body.body.steps.0.title" → "第 1 步 · 步骤：未填写或不符合要求" */
function fieldText(t: TFunction, p: Problem): string {
  const parts = (p.field ?? '').replace(/^body\.(body\.)?/, '').split('.');
  const [head = '', second, third] = parts;
  const e = (k: string) => t(`plans.editor.${k}`);
  let where = '';
  if (head in BASICS) where = e(BASICS[head]!);
  else if (head === 'notice' && second) where = `${e('sections.notice')} · ${e(`notice.${second}`)}`;
  else if (head in PARTS && second !== undefined) {
    const n = Number(second) + 1;
    const row = head === 'steps' ? t('plans.editor.step.order', { n }) : `${e(ROW[head]!)} ${n}`;
    where = third && PARTS[head]![third] ? `${row} · ${e(PARTS[head]![third]!)}` : row;
  } else where = head ? e(`sections.${head}`) : '';
  return t('plans.editor.fieldInvalid', { field: where || t('plans.editor.sections.basics') });
}

function Editor({ saved, onReload }: { saved: PlanDetail | null; onReload(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const start = useMemo(() => saved?.body ?? emptyBody(t), [saved]); // eslint-disable-line react-hooks/exhaustive-deps
  const [draft, setDraft] = useState<PlanBody>(start);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ text: string; list: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [activating, setActivating] = useState<false | 'real' | 'drill'>(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const createKey = useMemo(() => newIdempotencyKey(), []);
  useEffect(() => { setDraft(start); }, [start]);

  const retired = saved?.status === 'retired';
  const canEdit = !retired && (saved ? saved.policies.includes('edit') : true);
  const townId = saved?.townId;
  const postsApi = useApi((signal) => listTownPosts(townId, signal), [townId]);
  const mattersApi = useApi((signal) => listMatters(townId ?? null, false, signal), [townId]);
  const matters: Option[] = (mattersApi.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }));
  if (draft.matterCode && !matters.some((m) => m.value === draft.matterCode)) matters.push({ value: draft.matterCode, label: saved?.names.matterName ?? draft.matterCode });
  const posts: PostOption[] = (postsApi.data?.items ?? []).filter((p) => !p.retired).map((p) => ({ value: p.code, label: `${p.boardName} · ${p.name}`, staffing: p.staffing }));
  for (const r of draft.roles) if (r.postCode && !posts.some((p) => p.value === r.postCode)) posts.push({ value: r.postCode, label: saved?.names.posts[r.postCode] ?? r.postCode, staffing: 'full' });
  const people = useMemo(() => {
    const m = new Map<string, string>(Object.entries(saved?.names.accounts ?? {}));
    for (const c of postsApi.data?.candidates ?? []) m.set(c.id, c.name);
    for (const p of postsApi.data?.items ?? []) for (const h of [p.holders.a, p.holders.b, p.holders.backup]) if (h) m.set(h.id, h.name);
    return [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [postsApi.data, saved]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(start);
  const set = (patch: Partial<PlanBody>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setBusy(true); setProblems(null);
    const body = { ...draft, steps: draft.steps.map((s) => ({ ...s, checklist: s.checklist.map((c) => c.trim()).filter(Boolean) })) };
    try {
      if (!saved) {
        const created = await createPlan({ body, ...(note.trim() ? { note: note.trim() } : {}) }, createKey);
        message.success(t('plans.editor.created'));
        navigate(`/plans/${created.id}`, { replace: true });
      } else {
        const answer = await savePlan(saved.id, { body, version: saved.currentVersion, ...(note.trim() ? { note: note.trim() } : {}) });
        message.success(t('plans.editor.saved', { version: answer.currentVersion }));
        setNote('');
        onReload();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT') { message.warning(t('plans.editor.conflict')); onReload(); } else {
        setProblems({ text: errorText(e, i18n.language), list: problemList(e, t) });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    } finally { setBusy(false); }
  };

  const title = saved ? (canEdit ? t('plans.editor.editTitle', { name: saved.name }) : t('plans.editor.viewTitle', { name: saved.name })) : t('plans.editor.newTitle');
  const subtitle = saved ? (
    <Space size={4} wrap>
      <HazardTag hazard={saved.hazard} />
      {retired ? <Tag>{t('plans.status.retired')}</Tag> : null}
      <Typography.Text type="secondary" data-testid="plan-version">
        {t('plans.editor.version', { version: saved.currentVersion })} · {t('plans.byAt', { name: saved.savedByName ?? '', time: timeText(saved.savedAt) })}
      </Typography.Text>
    </Space>
  ) : null;

  const card = (k: (typeof SECTIONS)[number], node: React.ReactNode) => (
    <Card size="small" id={`plan-sec-${k}`} className="zz-plan-section" title={t(`plans.editor.sections.${k}`)} key={k} data-testid={`plan-section-${k}`}>
      {k !== 'basics' ? <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t(`plans.editor.sectionHints.${k}`)}</Typography.Paragraph> : null}
      {node}
    </Card>
  );
  const props = { body: draft, set, disabled: !canEdit };

  return (
    <>
      <PageHeader
        title={title} subtitle={subtitle}
        extra={(
          <Space wrap>
            {saved ? <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="plan-versions">{t('plans.versionsButton')}</Button> : null}
            {saved && !retired && saved.policies.includes('retire') ? <Button icon={<StopOutlined />} onClick={() => setRetiring(true)} data-testid="plan-retire">{t('plans.retire')}</Button> : null}
            {saved && !retired && saved.policies.includes('drill') ? <Button icon={<ExperimentOutlined />} disabled={dirty} onClick={() => setActivating('drill')} data-testid="plan-drill">{t('plans.drill')}</Button> : null}
            {saved && !retired && saved.policies.includes('activate') ? <Button danger type="primary" icon={<ThunderboltOutlined />} disabled={dirty} onClick={() => setActivating('real')} data-testid="plan-activate">{t('plans.activate')}</Button> : null}
          </Space>
        )}
      />
      {retired ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('plans.editor.retired')} description={saved?.retireReason ?? undefined} /> : null}
      {!retired && !canEdit ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plans.editor.readOnly')} /> : null}
      {problems ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="plan-problems" closable onClose={() => setProblems(null)}
          title={problems.list.length ? t('plans.editor.problems') : problems.text}
          description={problems.list.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.list.map((p, i) => <li key={i}>{p}</li>)}</ul> : undefined} />
      ) : null}
      <div className={`zz-plan-editor${canEdit ? '' : ' zz-plan-readonly'}`}>
        <div className="zz-plan-anchor">
          <Anchor offsetTop={72} targetOffset={80} items={SECTIONS.map((k) => ({ key: k, href: `#plan-sec-${k}`, title: t(`plans.editor.sections.${k}`) }))} />
          {saved ? <div style={{ marginTop: 12 }}>{saved.levels.map((l) => <LevelTag key={l} level={l} />)}</div> : null}
        </div>
        <div>
          {card('basics', <BasicsSection {...props} matters={matters} townName={saved?.townName ?? postsApi.data?.town.name ?? null} />)}
          {card('levels', <LevelsSection {...props} />)}
          {card('triggers', <TriggersSection {...props} matters={matters} />)}
          {card('roles', <RolesSection {...props} posts={posts} people={people} />)}
          {card('steps', <StepsSection {...props} />)}
          {card('resources', <ResourcesSection {...props} />)}
          {card('notice', <NoticeSection {...props} />)}
          {canEdit ? (
            <Card size="small" className="zz-plan-section" style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(15,37,64,.08)' }}>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space>
                  {dirty ? <Tag color="gold" data-testid="plan-dirty">{t('plans.editor.unsaved')}</Tag> : null}
                  <Input style={{ width: 360 }} maxLength={PLAN_LIMITS.reason} value={note} onChange={(e) => setNote(e.target.value)} placeholder={`${t('plans.editor.note')}：${t('plans.editor.noteHint')}`} data-testid="plan-note" />
                </Space>
                <Space>
                  {saved ? <Button disabled={!dirty} onClick={() => { setDraft(start); setProblems(null); }}>{t('plans.editor.discard')}</Button> : null}
                  <Button type="primary" loading={busy} disabled={!!saved && !dirty} onClick={() => void save()} data-testid="plan-save">
                    {saved ? t('plans.editor.saveNew', { version: saved.currentVersion + 1 }) : t('plans.editor.save')}
                  </Button>
                </Space>
              </Space>
            </Card>
          ) : null}
        </div>
      </div>
      {saved ? (
        <>
          <ActivateDialog
            open={!!activating} drill={activating === 'drill'} onClose={() => setActivating(false)}
            plan={{ id: saved.id, name: saved.name, levels: saved.body.levels, steps: saved.body.steps }}
          />
          <PlanVersionsDrawer open={versionsOpen} plan={saved} onClose={() => setVersionsOpen(false)} />
          <RetireDialog open={retiring} plan={saved} onClose={() => setRetiring(false)} onDone={onReload} />
        </>
      ) : null}
    </>
  );
}

function RetireDialog({ open, plan, onClose, onDone }: { open: boolean; plan: PlanDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (open) setReason(''); }, [open]);
  const ok = async () => {
    setBusy(true);
    try { await retirePlan(plan.id, reason.trim()); message.success(t('plans.retireDialog.done')); onClose(); onDone(); } catch (e) { message.error(errorText(e, i18n.language)); } finally { setBusy(false); }
  };
  return (
    <Modal open={open} onCancel={onClose} destroyOnHidden title={t('plans.retireDialog.title', { name: plan.name })} okText={t('plans.retireDialog.ok')} cancelText={t('plans.retireDialog.cancel')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'retire-ok' } as ButtonProps} onOk={() => void ok()} data-testid="retire-dialog">
      <Form layout="vertical"><Form.Item label={t('plans.retireDialog.reason')} required>
        <Input.TextArea rows={3} maxLength={PLAN_LIMITS.reason} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('plans.retireDialog.reasonHint')} data-testid="retire-reason" />
      </Form.Item></Form>
    </Modal>
  );
}

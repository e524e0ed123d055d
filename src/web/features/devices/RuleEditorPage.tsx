// 规则编辑: a profile's rules (each kind's fields, time window, level, the Matter by name) and its escalation steps,
// saved with the version read (409: someone saved since, the latest is loaded); the server's refusals (RULE_INVALID)
// listed; and the preview of the rules as edited against a device's last day of readings.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RULE_KINDS, RULE_LIMITS } from '../../../shared/devices.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { listMatters } from '../matters/api.ts';
import { fetchProfileRules, listProfiles, saveProfileRules, type Escalation, type Profile, type ProfileRules, type Rule } from './api.ts';
import { isKind, newRule, RuleCard, type MatterOption } from './RuleCard.tsx';
import { EscalationEditor } from './EscalationEditor.tsx';
import { RulePreview } from './RulePreview.tsx';
import '../alarms/public.ts';
import './locales.ts';
import './devices.css';

export function RuleEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profiles = useApi((signal) => listProfiles(undefined, signal), []);
  const rules = useApi((signal) => fetchProfileRules(id, signal), [id]);
  const profile = profiles.data?.items.find((p) => p.id === id);
  const error = profiles.error ?? rules.error;
  return (
    <div className="zz-page" data-testid="rule-editor">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} onClick={() => navigate('/device-profiles')}>{t('devices.rules.back')}</Button>
      {error ? <ErrorState error={error} onRetry={() => { profiles.reload(); rules.reload(); }} /> : !rules.data || !profile ? <Spin /> : (
        <Editor profile={profile} saved={rules.data} onReload={rules.reload} />
      )}
    </div>
  );
}

interface Problem { field?: string; message?: string; messageZh?: string }

function Editor({ profile, saved, onReload }: { profile: Profile; saved: ProfileRules; onReload(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Rule[]>(saved.rules);
  const [escalation, setEscalation] = useState<Escalation>(saved.escalation);
  const [problems, setProblems] = useState<{ text: string; list: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setDraft(saved.rules); setEscalation(saved.escalation); }, [saved]);
  const canEdit = saved.policies.includes('editRules');
  const matters = useApi((signal) => listMatters(profile.townId, false, signal), [profile.townId]);
  const matterOptions: MatterOption[] = (matters.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.rules) || JSON.stringify(escalation) !== JSON.stringify(saved.escalation);

  const save = async () => {
    setBusy(true); setProblems(null);
    try {
      const answer = await saveProfileRules(profile.id, { version: saved.version, rules: draft, escalation });
      message.success(t('devices.rules.saved', { version: answer.version }));
      onReload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) { message.warning(t('devices.rules.conflict')); onReload(); } else {
        const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as Problem[]) : [];
        const zh = i18n.language.startsWith('zh');
        setProblems({ text: errorText(e, i18n.language), list: details.map((d) => (zh ? d.messageZh : d.message) ?? d.message ?? d.field ?? '').filter(Boolean) });
      }
    } finally { setBusy(false); }
  };

  return (
    <>
      <PageHeader
        title={t('devices.rules.editorTitle', { name: profile.name })} subtitle={`${t(`devices.types.${profile.type}`)} · ${t('devices.rules.devices', { count: profile.devices })}`}
        extra={canEdit ? (
          <Space>
            <Button disabled={!dirty} onClick={() => { setDraft(saved.rules); setEscalation(saved.escalation); setProblems(null); }}>{t('devices.rules.discard')}</Button>
            <Button type="primary" loading={busy} disabled={!dirty} onClick={() => void save()} data-testid="rules-save">{t('devices.rules.save')}</Button>
          </Space>
        ) : null}
      />
      {!canEdit ? <Alert type="info" showIcon title={t('devices.rules.readOnly')} style={{ marginBottom: 12 }} /> : null}
      {problems ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="rules-problems"
          title={problems.list.length ? t('devices.rules.problems') : problems.text}
          description={problems.list.length ? <ul style={{ margin: 0 }}>{problems.list.map((p, i) => <li key={i}>{p}</li>)}</ul> : undefined} />
      ) : null}
      {draft.map((r, i) => (
        <RuleCard
          key={i} index={i} rule={r} disabled={!canEdit} matters={matterOptions}
          onChange={(x) => setDraft((d) => d.map((y, j) => (j === i ? x : y)))} onRemove={() => setDraft((d) => d.filter((_, j) => j !== i))}
        />
      ))}
      {canEdit && draft.length < RULE_LIMITS.rules ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: RULE_KINDS.map((k) => ({ key: k, label: t(`devices.rules.kinds.${k}`) })),
            onClick: ({ key }) => { if (isKind(key)) setDraft((d) => [...d, { ...newRule(key, d.map((r) => r.id)), name: t(`devices.rules.kinds.${key}`) }]); },
          }}
        >
          <Button icon={<PlusOutlined />} style={{ marginBottom: 16 }} data-testid="rule-add">{t('devices.rules.add')}</Button>
        </Dropdown>
      ) : null}
      <Card size="small" title={t('devices.rules.escalation.title')} style={{ marginBottom: 16 }}>
        <EscalationEditor value={escalation} onChange={setEscalation} disabled={!canEdit} />
      </Card>
      <RulePreview profileId={profile.id} type={profile.type} rules={draft} />
      <Typography.Paragraph />
    </>
  );
}

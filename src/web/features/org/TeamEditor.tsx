// Editing a grid's "1+3+N" team (admins, and the community staff of the grid's community): members in order with
// their role, name, phone (left empty, an existing member's phone is kept) and an optional staff account. When a
// member who holds the grid's open cases leaves, the editor chooses: the grid's new worker takes them (the default),
// or they stay with the leaving member, with a reason.
import { Fragment, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Skeleton, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type TeamRole } from '../../../shared/org-levels.ts';
import { TEAM_PHONE_PATTERN } from '../../../domain/org/team.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { fetchTeamForEditing, saveTeam, type TeamInput, type TeamSaved, type TeamView } from './team-api.ts';
import { refusalText } from './refusal-text.ts';
import './locales.ts';

interface Row { id?: string; teamRole: TeamRole; name: string; phone?: string; accountId?: string | null }
interface Fields { members: Row[]; mode: 'successor' | 'keep'; reason?: string }

function Editor({ team, gridId, onClose, onSaved }: { team: TeamView; gridId: string; onClose(): void; onSaved(r: TeamSaved): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch('members', form) as Row[] | undefined;
  const mode = Form.useWatch('mode', form) as Fields['mode'] | undefined;
  const byId = useMemo(() => new Map(team.members.map((m) => [m.id, m])), [team]);
  const accounts = useMemo(() => {
    const known = new Map(team.candidates.map((c) => [c.id, c.name]));
    for (const m of team.members) if (m.accountId && !known.has(m.accountId)) known.set(m.accountId, m.name);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [team]);
  // members with an account who leave the team, and the grid's open cases they hold
  const kept = new Set((rows ?? []).map((r) => r.accountId).filter(Boolean));
  const leaving = team.members.filter((m) => m.accountId && !kept.has(m.accountId) && (m.openCases ?? 0) > 0);
  const held = leaving.reduce((n, m) => n + (m.openCases ?? 0), 0);

  const submit = async (v: Fields) => {
    setBusy(true);
    try {
      const members: TeamInput['members'] = v.members.map((r) => ({
        ...(r.id ? { id: r.id } : {}), teamRole: r.teamRole, name: r.name.trim(), accountId: r.accountId ?? null,
        ...(r.phone?.trim() ? { phone: r.phone.trim() } : {}),
      }));
      const saved = await saveTeam(gridId, { members, ...(held > 0 ? { handover: { mode: v.mode, ...(v.mode === 'keep' ? { reason: v.reason } : {}) } } : {}) });
      const moved = saved.handover.cases.length;
      message.success([t('orgAdmin.team.saved'), moved === 0 ? '' : saved.handover.to
        ? t('orgAdmin.team.handedOver', { count: moved, name: saved.handover.to.name }) : t('orgAdmin.team.kept', { count: moved })].filter(Boolean).join('；'));
      onSaved(saved);
    } catch (e) {
      message.error(refusalText(e, i18n.language, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open width={900} title={t('orgAdmin.team.title', { name: team.grid.name })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('orgAdmin.team.save')} cancelText={t('orgAdmin.team.cancel')} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'team-save' }}
    >
      <Form<Fields>
        form={form} onFinish={(v) => void submit(v)} data-testid="team-editor"
        initialValues={{ mode: 'successor', members: team.members.map((m) => ({ id: m.id, teamRole: m.teamRole, name: m.name, accountId: m.accountId })) }}
      >
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const existing = rows?.[f.name]?.id ? byId.get(rows[f.name]!.id!) : undefined;
                return (
                  <Fragment key={f.key}>
                  {/* an existing member's id: kept in the form so its phone and account stay with it */}
                  <Form.Item name={[f.name, 'id']} hidden noStyle><Input /></Form.Item>
                  <Space align="start" wrap style={{ display: 'flex' }} data-testid="team-row">
                    <Form.Item name={[f.name, 'teamRole']} rules={[{ required: true }]}>
                      <Select style={{ width: 140 }} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`teamRoles.${r}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('orgAdmin.team.nameRequired') }]}>
                      <Input style={{ width: 120 }} maxLength={30} placeholder={t('orgAdmin.team.name')} data-testid="team-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} rules={[{ pattern: new RegExp(TEAM_PHONE_PATTERN), message: t('orgAdmin.team.phoneInvalid') }]}>
                      <Input style={{ width: 250 }} maxLength={13} data-testid="team-phone"
                        placeholder={existing?.phone ? `${existing.phone}（${t('orgAdmin.team.phoneKeep')}）` : t('orgAdmin.team.phone')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'accountId']}>
                      <Select style={{ width: 200 }} allowClear showSearch={{ optionFilterProp: 'label' }} options={accounts}
                        placeholder={t('orgAdmin.team.accountNone')} data-testid="team-account" />
                    </Form.Item>
                    {existing?.openCases ? <Tag color="blue" style={{ marginTop: 5 }}>{t('orgAdmin.team.openCases', { count: existing.openCases })}</Tag> : null}
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('orgAdmin.team.remove')} />
                  </Space>
                  </Fragment>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ teamRole: 'volunteer', name: '', accountId: null })} data-testid="team-add">
                {t('orgAdmin.team.add')}
              </Button>
            </>
          )}
        </Form.List>
        {held > 0 ? (
          <Alert
            type="warning" showIcon style={{ marginTop: 16 }} message={t('orgAdmin.team.handoverTitle')}
            description={<>
              <div>{t('orgAdmin.team.handoverHint', { names: leaving.map((m) => m.name).join('、'), count: held })}</div>
              <Form.Item name="mode" style={{ margin: '8px 0' }}>
                <Radio.Group options={[{ value: 'successor', label: t('orgAdmin.team.successor') }, { value: 'keep', label: t('orgAdmin.team.keep') }]} />
              </Form.Item>
              {mode === 'keep' ? (
                <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('orgAdmin.team.reasonRequired') }]} style={{ margin: 0 }}>
                  <Input.TextArea rows={2} maxLength={200} placeholder={t('orgAdmin.team.reason')} />
                </Form.Item>
              ) : null}
            </>}
          />
        ) : null}
      </Form>
    </Modal>
  );
}

/** Loads the team with what editing needs (the accounts that may be linked, the open cases each holds), then edits it. */
export function TeamEditor({ gridId, onClose, onSaved }: { gridId: string; onClose(): void; onSaved(r: TeamSaved): void }) {
  const team = useApi((signal) => fetchTeamForEditing(gridId, signal), [gridId]);
  if (team.data) return <Editor team={team.data} gridId={gridId} onClose={onClose} onSaved={onSaved} />;
  return (
    <Modal open footer={null} onCancel={onClose}>
      {team.error ? <ErrorState error={team.error} onRetry={team.reload} /> : <Skeleton active />}
    </Modal>
  );
}

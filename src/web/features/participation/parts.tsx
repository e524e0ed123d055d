// Small pieces the participation pages share: the tags of a class, a status and a council level in their colours, the
// time format, the registry person picker (assisted votes and attendance, helpers), and a dialog of a few fields that
// sends one action and shows the server's refusal in place.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CouncilLevel, IdeaStatus, MatterClass, MatterStatus, MeetingStatus, ProposalStatus } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { searchResidents, type ResidentHit } from './api.ts';

export { timeText, dayText } from '../../lib/time-text.ts';

const CLASS_COLOURS: Record<MatterClass, string> = { public: 'blue', shared: 'purple', private: 'green' };
const MATTER_COLOURS: Record<MatterStatus, string> = { new: 'gold', routed: 'processing', closed: 'default' };
const PROPOSAL_COLOURS: Record<ProposalStatus, string> = {
  open: 'gold', scheduled: 'cyan', decided: 'blue', inProgress: 'processing', done: 'success', rejected: 'default', sentUp: 'purple',
};
const MEETING_COLOURS: Record<MeetingStatus, string> = { scheduled: 'gold', open: 'processing', closed: 'default', cancelled: 'error' };
const IDEA_COLOURS: Record<IdeaStatus, string> = { submitted: 'gold', accepted: 'blue', rejected: 'default', answered: 'success' };
const HELP_COLOURS: Record<string, string> = { open: 'gold', taken: 'processing', done: 'success', cancelled: 'default' };
const LEVEL_COLOURS: Record<CouncilLevel, string> = { grid: 'green', community: 'blue', town: 'volcano' };

export function ClassTag({ value }: { value: MatterClass }) {
  const { t } = useTranslation();
  return <Tag color={CLASS_COLOURS[value]} data-testid="class-tag">{t(`participation.classes.${value}`)}</Tag>;
}
export function MatterStatusTag({ value }: { value: MatterStatus }) {
  const { t } = useTranslation();
  return <Tag color={MATTER_COLOURS[value]} data-testid="matter-status">{t(`participation.matterStatus.${value}`)}</Tag>;
}
export function ProposalStatusTag({ value }: { value: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROPOSAL_COLOURS[value]} data-testid="proposal-status">{t(`participation.proposalStatus.${value}`)}</Tag>;
}
export function MeetingStatusTag({ value }: { value: MeetingStatus }) {
  const { t } = useTranslation();
  return <Tag color={MEETING_COLOURS[value]} data-testid="meeting-status">{t(`participation.meetingStatus.${value}`)}</Tag>;
}
export function IdeaStatusTag({ value }: { value: IdeaStatus }) {
  const { t } = useTranslation();
  return <Tag color={IDEA_COLOURS[value]} data-testid="idea-status">{t(`participation.ideaStatus.${value}`)}</Tag>;
}
export function HelpStatusTag({ value }: { value: string }) {
  const { t } = useTranslation();
  return <Tag color={HELP_COLOURS[value] ?? 'default'} data-testid="help-status">{t(`participation.helpStatus.${value}`)}</Tag>;
}
export function LevelTag({ value }: { value: CouncilLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[value]} bordered={false}>{t(`participation.levels.${value}`)}</Tag>;
}

/** A vote option's words: for/against/abstain by name, a motion's own words as they are. */
export function useOptionText() {
  const { t, i18n } = useTranslation();
  return (o: string) => (i18n.exists(`participation.options.${o}`) ? t(`participation.options.${o}`) : o);
}

/** A registry person picked by name or ID number (the registry's own masked list). */
export function PersonPicker({ value, onChange, placeholder, testId }: {
  value: ResidentHit | null; onChange(v: ResidentHit | null): void; placeholder: string; testId?: string;
}) {
  const [hits, setHits] = useState<ResidentHit[]>([]);
  const [loading, setLoading] = useState(false);
  const ctrl = useRef<AbortController | null>(null);
  const search = (q: string) => {
    ctrl.current?.abort();
    if (q.trim().length < 1) { setHits([]); return; }
    const c = new AbortController();
    ctrl.current = c;
    setLoading(true);
    searchResidents(q.trim(), c.signal).then((r) => { setHits(r.items); setLoading(false); }, () => { if (!c.signal.aborted) setLoading(false); });
  };
  const options = [...(value && !hits.some((h) => h.id === value.id) ? [value] : []), ...hits].map((h) => ({
    value: h.id,
    label: <span>{h.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}><span className="zz-code">{h.idNumber}</span> · {h.gridName}{h.householdAddress ? ` · ${h.householdAddress}` : ''}</Typography.Text></span>,
  }));
  return (
    <Select
      showSearch allowClear filterOption={false} style={{ width: '100%' }} placeholder={placeholder} value={value?.id}
      onSearch={search} onChange={(id?: string) => onChange(id ? [...hits, ...(value ? [value] : [])].find((h) => h.id === id) ?? null : null)}
      notFoundContent={loading ? <Spin size="small" /> : null} options={options} data-testid={testId}
    />
  );
}

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date';
  required?: boolean;
  placeholder?: string;
  max?: number;
}

/**
 * A dialog of a few text fields that sends one action: `send` gets the values (empty ones left out) and may throw the
 * server's refusal, shown in place; `hint` stands above the fields.
 */
export function FieldsDialog({ open, title, hint, fields, okText, send, onClose, onDone, testId }: {
  open: boolean; title: string; hint?: ReactNode; fields: FieldSpec[]; okText?: string; testId?: string;
  send(values: Record<string, string>): Promise<unknown>; onClose(): void; onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => { if (open) { form.resetFields(); setError(null); } }, [open, form]);
  const submit = async () => {
    // a field left wrong shows its message under it: nothing to send
    const raw = await form.validateFields().catch(() => null) as Record<string, unknown> | null;
    if (!raw) return;
    const values: Record<string, string> = {};
    for (const f of fields) {
      const v = raw[f.name];
      if (f.kind === 'date') { if (v) values[f.name] = dayjs(v as dayjs.Dayjs).format('YYYY-MM-DD'); } else if (typeof v === 'string' && v.trim()) values[f.name] = v.trim();
    }
    setSaving(true);
    setError(null);
    try {
      await send(values);
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={okText ?? t('participation.ok')}
      cancelText={t('participation.cancel')} destroyOnHidden data-testid={testId} okButtonProps={{ 'data-testid': 'dialog-ok' }}>
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}
            rules={f.required ? [{ required: true, whitespace: f.kind !== 'date', message: t('participation.required', { field: f.label }) }] : []}>
            {f.kind === 'textarea' ? <Input.TextArea rows={4} maxLength={f.max} showCount={!!f.max} placeholder={f.placeholder} data-testid={`field-${f.name}`} />
              : f.kind === 'date' ? <DatePicker style={{ width: '100%' }} data-testid={`field-${f.name}`} />
                : <Input maxLength={f.max} placeholder={f.placeholder} data-testid={`field-${f.name}`} />}
          </Form.Item>
        ))}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="dialog-error" /> : null}
    </Modal>
  );
}

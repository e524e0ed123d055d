// 申请准入: the form a department, the town's office or a community files a new duty with — its level (own or below),
// list type, basis, department, the standing duty it generates tasks through, the expected visits a month and minutes
// a visit, the reason — and, as it is filled, what it would add to one doer of the level (the domain's own rule).
import { App, Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUTY_LIMITS, LIST_TYPES, type DutyLevel, type ListType } from '../../../shared/duties.ts';
import { admissionEffect } from '../../../domain/duties/burden.ts';
import { errorText } from '../../lib/api.ts';
import { fileAdmission, type AdmissionList, type StandingDuties } from './api.ts';

interface Values {
  level: DutyLevel; name: string; listType: ListType; basis: string; description?: string; department?: string;
  dutyCode?: string; burden: number; minutesPerVisit: number; reason: string;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

export function AdmissionForm({ list, standing, level, onClose, onFiled }: {
  list: AdmissionList; standing: StandingDuties | undefined; level: DutyLevel | null; onClose: () => void; onFiled: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // one key per opened form: a retried submit is the same request (getRandomValues also works on a plain-HTTP intranet address)
  const [key] = useState(() => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
  const levels = list.requestLevels;
  const start = level && levels.includes(level) ? level : levels[levels.length - 1]!;
  const v = Form.useWatch([], form) as Partial<Values> | undefined;
  const chosen = v?.level ?? start;
  const effect = useMemo(() => admissionEffect(list.burden[chosen].hours, {
    listType: v?.listType ?? 'basic', visitsPerMonth: Number(v?.burden ?? 0), minutesPerVisit: Number(v?.minutesPerVisit ?? 0),
  }), [list, chosen, v?.listType, v?.burden, v?.minutesPerVisit]);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('duties.catalog.required', { field: label }) }];

  const submit = async () => {
    const x = await form.validateFields();
    setBusy(true);
    try {
      await fileAdmission({
        orgUnitId: list.town.id, level: x.level, reason: x.reason, burden: x.burden,
        item: {
          name: x.name, listType: x.listType, basis: x.basis, description: x.description || null, department: x.department || null,
          dutyCode: x.dutyCode || null, minutesPerVisit: x.minutesPerVisit,
        },
      }, key);
      message.success(t('duties.admissions.filed'));
      onFiled();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  const f = (k: string) => t(`duties.admissions.form.${k}`);
  return (
    <Modal open width={640} title={`${f('title')} · ${list.town.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}
      okText={f('submit')} cancelText={f('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="admission-form"
        initialValues={{ level: start, listType: 'basic', burden: 1, minutesPerVisit: 30 }}>
        <Form.Item name="level" label={f('level')} rules={[{ required: true }]}>
          <Select data-testid="admission-level" options={levels.map((l) => ({ value: l, label: t(`duties.levelLists.${l}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={f('name')} rules={required(f('name'))}><Input maxLength={DUTY_LIMITS.name} data-testid="admission-name" /></Form.Item>
        <Form.Item name="listType" label={f('listType')} rules={[{ required: true }]}>
          <Select data-testid="admission-list-type" options={LIST_TYPES.map((l) => ({ value: l, label: t(`duties.listTypes.${l}`) }))} />
        </Form.Item>
        <Form.Item name="basis" label={f('basis')} rules={required(f('basis'))}>
          <Input.TextArea rows={2} maxLength={DUTY_LIMITS.basis} placeholder={f('basisHint')} data-testid="admission-basis" />
        </Form.Item>
        <Form.Item name="department" label={f('department')} extra={f('departmentHint')} rules={(v?.listType ?? 'basic') === 'basic' ? [] : required(f('department'))}>
          <Input maxLength={DUTY_LIMITS.department} data-testid="admission-department" />
        </Form.Item>
        <Form.Item name="dutyCode" label={f('duty')}>
          <Select allowClear placeholder={f('dutyNone')} options={(standing?.duties ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="burden" label={f('burden')} extra={f('burdenHint')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={0} max={DUTY_LIMITS.visitsPerMonth} step={1} style={{ width: '100%' }} data-testid="admission-burden" />
          </Form.Item>
          <Form.Item name="minutesPerVisit" label={f('minutes')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={1} max={DUTY_LIMITS.minutesPerVisit} style={{ width: '100%' }} data-testid="admission-minutes" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={f('description')}><Input.TextArea rows={2} maxLength={DUTY_LIMITS.text} /></Form.Item>
        <Form.Item name="reason" label={f('reason')} rules={required(f('reason'))}><Input.TextArea rows={2} maxLength={DUTY_LIMITS.reason} data-testid="admission-reason" /></Form.Item>
      </Form>
      <Alert type={effect.added > 0 ? 'warning' : 'info'} showIcon data-testid="admission-preview" message={f('preview')}
        description={(v?.listType ?? 'basic') === 'withdrawn' ? f('previewWithdrawn') : (
          <Typography.Text>
            {t('duties.admissions.form.previewText', { doer: t(`duties.doers.${chosen}`), before: tenth(effect.before), after: tenth(effect.after) })}
            {'，'}{t('duties.admissions.form.previewAdded', { added: tenth(effect.added) })}
          </Typography.Text>
        )} />
    </Modal>
  );
}

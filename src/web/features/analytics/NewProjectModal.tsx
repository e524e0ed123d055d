// 立项: a hot spot becomes a 15-minute circle project of its community, named by the staff, with the cell's cases of
// the span (of its main category) linked. One Idempotency-Key per opened form, so a retried save makes one project.
import { useMemo, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import { newIdempotencyKey } from '../points/public.ts';
import { createProject, type HotCell, type ProjectDetail } from './api.ts';

export function NewProjectModal({ cell, span, onClose, onDone }: { cell: HotCell; span: { from: string; to: string }; onClose(): void; onDone(p: ProjectDetail): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const key = useMemo(() => newIdempotencyKey(), []);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; description?: string; due?: Dayjs }>();
  const place = t('analytics.hotspots.placeName', { grid: cell.gridName });
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const p = await createProject({
        communityId: cell.communityId!, name: v.name.trim(), categoryCode: cell.topCategoryCode, description: v.description?.trim() ?? '',
        dueOn: v.due ? v.due.format('YYYY-MM-DD') : null, cells: [cell.key], from: span.from, to: span.to,
      }, key);
      message.success(t('analytics.form.created'));
      onDone(p);
    } catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(false); }
  };
  return (
    <Modal open title={t('analytics.form.title')} onCancel={onClose} onOk={save} okText={t('analytics.ok')} cancelText={t('analytics.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'project-save' } as ButtonProps} destroyOnHidden data-testid="project-form">
      <Typography.Paragraph type="secondary">
        {t('analytics.form.community')}：{cell.communityName} · {place}
        <br />{t('analytics.form.fromCell', { category: cell.topCategoryName, from: span.from, to: span.to })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ name: `${cell.gridName}${cell.topCategoryName}专项整治`.slice(0, 60) }}>
        <Form.Item name="name" label={t('analytics.form.name')} rules={[{ required: true, whitespace: true, message: t('analytics.form.nameNeeded') }]}>
          <Input maxLength={60} placeholder={t('analytics.form.namePh')} data-testid="project-name" />
        </Form.Item>
        <Form.Item label={t('analytics.form.category')}><Input value={cell.topCategoryName} disabled /></Form.Item>
        <Form.Item name="description" label={t('analytics.form.description')}><Input.TextArea rows={3} maxLength={2000} data-testid="project-description" /></Form.Item>
        <Form.Item name="due" label={t('analytics.form.due')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

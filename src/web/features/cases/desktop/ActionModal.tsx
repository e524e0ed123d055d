// The form of an action that needs input: a reason, a note with photos, an end date, an assignee, a rating.
import { Alert, DatePicker, Form, Input, Modal, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, type CaseAction } from '../../../../shared/cases.ts';
import type { ActionInput, CaseDetail } from '../api.ts';
import { DispatchField, assigneeInput } from './DispatchField.tsx';
import { PhotoUpload, type UploadState } from './PhotoUpload.tsx';

const REASON = new Set<CaseAction>(['reject', 'return', 'escalate', 'reopen', 'request_suspension']);
const NOTE = new Set<CaseAction>(['report_done', 'resolve_on_spot']);
export const FORM_ACTIONS = new Set<CaseAction>([...REASON, ...NOTE, 'dispatch', 'revisit']);

interface Values { reason?: string; note?: string; until?: { toISOString(): string }; assignee?: string; photos?: UploadState; score?: number; comment?: string }

interface Props {
  action: CaseAction;
  kase: CaseDetail;
  busy: boolean;
  onCancel(): void;
  onSubmit(body: Omit<ActionInput, 'version'>): Promise<boolean>;
}

export function ActionModal({ action, kase, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const uploads = Form.useWatch('photos', form);
  const uploading = !!uploads?.uploading;

  const submit = async () => {
    const v = await form.validateFields();
    const body: Omit<ActionInput, 'version'> = {};
    if (REASON.has(action)) body.reason = v.reason?.trim();
    if (NOTE.has(action)) { body.note = v.note?.trim(); body.photos = v.photos?.hashes ?? []; }
    if (action === 'request_suspension' && v.until) body.until = v.until.toISOString();
    if (action === 'dispatch') {
      Object.assign(body, assigneeInput(v.assignee, kase));
      if (body.assignee && v.reason?.trim()) body.reason = v.reason.trim(); // a reassignment's reason
    }
    if (action === 'revisit') body.rating = { score: v.score ?? 5, comment: v.comment?.trim() || undefined };
    await onSubmit(body);
  };

  return (
    <Modal
      open title={`${t(`wcase.actions.${action}`)} · ${kase.number}`} onCancel={onCancel} onOk={() => void submit()}
      okText={t('wcase.form.ok')} cancelText={t('wcase.form.cancel')} confirmLoading={busy} okButtonProps={{ disabled: uploading, danger: action === 'reject' || action === 'reopen' }}
      destroyOnHidden rootClassName="zz-action-modal" data-testid="action-modal"
    >
      <Form form={form} layout="vertical" requiredMark preserve={false} initialValues={{ score: 5 }} data-testid={`form-${action}`}>
        {action === 'dispatch' ? <DispatchField kase={kase} /> : null}
        {REASON.has(action) ? (
          <Form.Item name="reason" label={t('wcase.form.reason')} rules={[{ required: true, whitespace: true, message: t('wcase.form.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={CASE_LIMITS.reason} showCount placeholder={t('wcase.form.reasonPlaceholder')} data-testid="field-reason" />
          </Form.Item>
        ) : null}
        {action === 'request_suspension' ? (
          <Form.Item name="until" label={t('wcase.form.until')} rules={[{ required: true, message: t('wcase.form.untilRequired') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.valueOf() < new Date().setHours(0, 0, 0, 0)} />
          </Form.Item>
        ) : null}
        {NOTE.has(action) ? (
          <>
            <Form.Item name="note" label={t('wcase.form.note')} rules={[{ required: true, whitespace: true, message: t('wcase.form.noteRequired') }]}>
              <Input.TextArea rows={3} maxLength={CASE_LIMITS.note} showCount placeholder={t('wcase.form.notePlaceholder')} data-testid="field-note" />
            </Form.Item>
            <Form.Item name="photos" label={t('wcase.form.photos')}>
              <PhotoUpload />
            </Form.Item>
            {uploading ? <Alert type="info" showIcon title={t('wcase.form.uploading')} /> : null}
          </>
        ) : null}
        {action === 'revisit' ? (
          <>
            <Form.Item name="score" label={t('wcase.form.rating')} rules={[{ required: true }]}><Rate /></Form.Item>
            <Form.Item name="comment" label={t('wcase.form.comment')}><Input.TextArea rows={2} maxLength={CASE_LIMITS.ratingComment} /></Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

// 分流 / 改分流: class a resident's matter 公事 (a case: its category), 共事 (a proposal: which council) or 家事 (neighbour
// help), the system's suggestion marked; a reason when the choice differs from it, and always when reclassing.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COUNCIL_LEVELS, MATTER_CLASSES, PARTICIPATION_LIMITS, type CouncilLevel, type MatterClass } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { fetchMatters } from '../cases/api.ts';
import { classMatter, newIdempotencyKey, reclassMatter, type Matter } from './api.ts';

export function ClassDialog({ matter, mode, onClose, onDone }: {
  matter: Matter | null; mode: 'class' | 'reclass'; onClose(): void; onDone(m: Matter): void;
}) {
  const { t, i18n } = useTranslation();
  const key = useRef(newIdempotencyKey());
  const [cls, setCls] = useState<MatterClass>('shared');
  const [reason, setReason] = useState('');
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const [level, setLevel] = useState<CouncilLevel>('grid');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const categories = useApi(matter && cls === 'public' ? (signal) => fetchMatters(signal) : null, [matter?.id, cls === 'public']);

  useEffect(() => {
    if (!matter) return;
    key.current = newIdempotencyKey();
    // reclassing offers the other classes; classing starts from the suggestion
    setCls(mode === 'reclass' ? MATTER_CLASSES.find((c) => c !== matter.class) ?? 'shared' : matter.suggestedClass);
    setReason(''); setCategoryCode(undefined); setLevel('grid'); setError(null);
  }, [matter, mode]);

  const options = useMemo(() => (categories.data ?? []).map((m) => ({ value: m.code, label: m.name })), [categories.data]);
  if (!matter) return null;
  const needsReason = mode === 'reclass' || cls !== matter.suggestedClass;

  const submit = async () => {
    if (needsReason && !reason.trim()) { setError(t(mode === 'reclass' ? 'participation.matters.reclassReasonRequired' : 'participation.matters.reasonRequired')); return; }
    setSaving(true);
    setError(null);
    const body = {
      class: cls,
      ...(cls === 'public' && categoryCode ? { categoryCode } : {}),
      ...(cls === 'shared' ? { councilLevel: level } : {}),
    };
    try {
      const m = mode === 'reclass'
        ? await reclassMatter(matter.id, { ...body, reason: reason.trim() }, key.current)
        : await classMatter(matter.id, { ...body, reason: reason.trim() || null }, key.current);
      onDone(m);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t(mode === 'reclass' ? 'participation.matters.reclassTitle' : 'participation.matters.classTitle', { title: matter.title })}
      onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('participation.ok')} cancelText={t('participation.cancel')}
      okButtonProps={{ 'data-testid': 'class-ok' }} data-testid="class-dialog" width={560}>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{matter.description}</Typography.Paragraph>
      {mode === 'reclass' ? <Alert type="warning" showIcon title={t('participation.matters.reclassHint')} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('participation.matters.chooseClass')}>
          <Radio.Group value={cls} onChange={(e) => setCls(e.target.value as MatterClass)} data-testid="class-choice">
            <Space orientation="vertical">
              {MATTER_CLASSES.filter((c) => mode === 'class' || c !== matter.class).map((c) => (
                <Radio key={c} value={c} data-testid={`class-${c}`}>
                  <strong>{t(`participation.classes.${c}`)}</strong>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{t(`participation.classHints.${c}`)}</Typography.Text>
                  {c === matter.suggestedClass ? <Tag color="blue" style={{ marginLeft: 8 }}>{t('participation.matters.suggestedTag')}</Tag> : null}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {matter.suggestionReasons.length ? (
          <Form.Item label={t('participation.matters.reasons')}>
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="suggestion-reasons">{matter.suggestionReasons.map((r) => <li key={r}>{r}</li>)}</ul>
          </Form.Item>
        ) : null}
        {cls === 'public' ? (
          <Form.Item label={t('participation.matters.category')}>
            <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={options} loading={categories.loading} value={categoryCode}
              onChange={(v?: string) => setCategoryCode(v)} placeholder={t('participation.matters.categoryPh')} data-testid="class-category" />
          </Form.Item>
        ) : null}
        {cls === 'shared' ? (
          <Form.Item label={t('participation.matters.councilLevel')}>
            <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as CouncilLevel)} data-testid="class-level"
              options={COUNCIL_LEVELS.map((l) => ({ value: l, label: t(`participation.levels.${l}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('participation.reason')} required={needsReason}>
          <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={PARTICIPATION_LIMITS.reason} showCount
            placeholder={t(mode === 'reclass' ? 'participation.matters.reclassReasonPh' : 'participation.matters.reasonPh')} data-testid="class-reason" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="class-error" /> : null}
    </Modal>
  );
}

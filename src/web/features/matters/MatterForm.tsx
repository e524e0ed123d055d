// Create or edit a matter (editing saves a new version). The API's field problems land on the fields.
import { useState } from 'react';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOCK_NAMES, MATTER_LISTS, TIERS } from '../../../shared/matters.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useMe } from '../../app/auth.tsx';
import { fetchBoards } from '../org/api.ts';
import { createMatter, fieldProblems, updateMatter, type Matter, type MatterInput } from './api.ts';
import { rowsToSla, slaToRows, SLA_UNITS, type SlaRows } from './sla.ts';

interface Values extends Omit<MatterInput, 'sla'> { slaRows: SlaRows }

/** fields whose own rules re-check them on every change */
const RULED = new Set(['code', 'name', 'class', 'slaRows']);

interface Props { townId: string | null; matter: Matter | null; onClose(): void; onSaved(m: Matter): void }

export function MatterForm({ townId, matter, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const me = useMe();
  const boardsTown = townId ?? matter?.townId ?? (me.scopeOrgUnit?.level === 'town' ? me.scopeOrgUnitId : null);
  const boards = useApi(boardsTown ? (signal) => fetchBoards(boardsTown, signal) : null, [boardsTown]);
  const postOptions = (boards.data ?? []).map((b) => ({ label: b.name, title: b.name, options: b.posts.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` })) }));

  const initial: Partial<Values> = matter
    ? { ...matter, escalateAfterH: matter.escalateAfterH ?? undefined, slaRows: slaToRows(matter.sla) }
    : { list: 'basic', tier: 'town', onSpot: false, urgent: false, duplicateRadiusM: 100, slaRows: slaToRows({ acceptMin: 5, handleH: 24 }) };

  const save = async () => {
    const v = await form.validateFields();
    const sla = rowsToSla(v.slaRows);
    if (!Object.keys(sla).length) { form.setFields([{ name: ['slaRows', 'handle', 'value'], errors: [t('matter.form.slaRequired')] }]); return; }
    const body = {
      name: v.name.trim(), class: v.class.trim(), list: v.list, tier: v.tier, postCode: v.postCode || null, departmentName: v.departmentName?.trim() || null,
      sla, escalateAfterH: v.escalateAfterH ?? undefined, onSpot: !!v.onSpot, urgent: !!v.urgent, duplicateRadiusM: v.duplicateRadiusM ?? 100,
    };
    setBusy(true);
    try {
      const saved = matter ? await updateMatter(townId, matter.code, body) : await createMatter(townId, { ...body, code: v.code.trim() });
      message.success(t('matter.saved', { code: `${saved.name} · ${saved.code}`, version: saved.version }));
      onSaved(saved);
    } catch (e) {
      const say = (d: { code?: string; message?: string; problem?: string }) => t(`matter.problems.${d.code ?? 'none'}`, { defaultValue: d.message ?? d.problem ?? '' });
      const problems = fieldProblems(e, say).map((p) => (p.name === 'sla' ? { ...p, name: 'slaRows' } : p));
      const known = new Set(['code', 'name', 'class', 'list', 'tier', 'postCode', 'departmentName', 'escalateAfterH', 'duplicateRadiusM']);
      form.setFields(problems.filter((p) => known.has(p.name)).map((p) => ({ name: p.name as keyof Values, errors: p.errors })));
      if (!problems.some((p) => known.has(p.name))) message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  // a field the API found fault with has no rule of its own to re-check it: editing it (or its alternative, post
  // or department) takes the API's message away
  const clearServerProblems = (changed: Partial<Values>) => {
    const names = Object.keys(changed).flatMap((n) => (n === 'postCode' || n === 'departmentName' ? ['postCode', 'departmentName'] : [n]));
    form.setFields(names.filter((n) => !RULED.has(n)).map((n) => ({ name: n as keyof Values, errors: [] })));
  };

  return (
    <Modal
      open width={720} title={matter ? t('matter.form.titleEdit', { code: `${matter.name} · ${matter.code}` }) : t('matter.form.titleNew')}
      onCancel={onClose} onOk={() => void save()} confirmLoading={busy} okText={t('matter.form.save')} cancelText={t('matter.form.cancel')} destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="matter-form" onValuesChange={clearServerProblems}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="code" label={t('matter.form.code')} tooltip={t('matter.form.codeHint')}
              rules={[{ required: true, message: t('matter.form.codeRequired') }, { pattern: /^[A-Z][0-9]{4}$/, message: t('matter.form.codePattern') }]}>
              <Input disabled={!!matter} maxLength={5} placeholder="C0105" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('matter.form.name')} rules={[{ required: true, whitespace: true, message: t('matter.form.nameRequired') }]}><Input maxLength={60} /></Form.Item>
          </Col>
          <Col span={8}><Form.Item name="class" label={t('matter.form.class')} rules={[{ required: true, whitespace: true, message: t('matter.form.classRequired') }]}><Input maxLength={40} /></Form.Item></Col>
          <Col span={8}><Form.Item name="list" label={t('matter.form.list')}><Select options={MATTER_LISTS.map((l) => ({ value: l, label: t(`matter.lists.${l}`) }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="tier" label={t('matter.form.tier')}><Select options={TIERS.map((l) => ({ value: l, label: t(`matter.tiers.${l}`) }))} /></Form.Item></Col>
          <Col span={12}><Form.Item name="postCode" label={t('matter.form.postCode')}><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={postOptions} loading={boards.loading} /></Form.Item></Col>
          <Col span={12}><Form.Item name="departmentName" label={t('matter.form.departmentName')}><Input maxLength={60} /></Form.Item></Col>
        </Row>
        <Form.Item label={t('matter.form.sla')} required style={{ marginBottom: 8 }}>
          <Row gutter={[12, 8]}>
            {CLOCK_NAMES.map((c) => (
              <Col span={12} key={c}>
                <Space.Compact block>
                  <Space.Addon style={{ width: 64, textAlign: 'center' }}>{t(`matter.clocks.${c}`)}</Space.Addon>
                  <Form.Item name={['slaRows', c, 'value']} noStyle><InputNumber min={0.5} max={100000} style={{ width: '100%' }} /></Form.Item>
                  <Form.Item name={['slaRows', c, 'unit']} noStyle><Select style={{ width: 110 }} options={SLA_UNITS.map((u) => ({ value: u, label: t(`matter.units.${u}`) }))} /></Form.Item>
                </Space.Compact>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}><Form.Item name="escalateAfterH" label={t('matter.form.escalateAfterH')}><InputNumber min={1} max={10000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="duplicateRadiusM" label={t('matter.form.duplicateRadiusM')}><InputNumber min={0} max={5000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="onSpot" valuePropName="checked" style={{ marginBottom: 4, marginTop: 30 }}><Checkbox>{t('matter.form.onSpot')}</Checkbox></Form.Item>
            <Form.Item name="urgent" valuePropName="checked"><Checkbox>{t('matter.form.urgent')}</Checkbox></Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

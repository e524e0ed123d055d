// 12345 / 电话受理: a dispatcher registers a caller's report (category, description, caller, place on the
// map, address); after submission the case number and any nearby open duplicates, each opening the drawer.
import { useMemo, useRef, useState } from 'react';
import { App, Button, Divider, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fetchMatters, newIdempotencyKey, type ReportedCase } from '../api.ts';
import { reportHotline } from './api.ts';
import { LocationPicker, type PickState } from './LocationPicker.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { DuplicateList } from './DuplicateList.tsx';
import { RoutingHint } from './RoutingHint.tsx';
import { ThingPicker } from '../../registry/thing-picker/public.ts';
import './desktop.css';

interface Values { categoryCode: string; description: string; callerName?: string; callerPhone?: string; address?: string }

export function IntakePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('categoryCode', form);
  const [pick, setPick] = useState<PickState | null>(null);
  const [pickError, setPickError] = useState(false);
  const [thingId, setThingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReportedCase | null>(null);
  const key = useRef(newIdempotencyKey());
  const [params, setParams] = useSearchParams();
  const openId = params.get('case');
  const matters = useApi((signal) => fetchMatters(signal), []);

  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string; search: string }[]>();
    for (const m of matters.data ?? []) {
      const list = groups.get(m.class) ?? [];
      list.push({ value: m.code, label: `${m.name}（${m.code}）`, search: `${m.name} ${m.code} ${m.class}` });
      groups.set(m.class, list);
    }
    return [...groups].map(([cls, opts]) => ({ label: cls, title: cls, options: opts }));
  }, [matters.data]);

  const submit = async (v: Values) => {
    if (!pick || pick.loading) { setPickError(true); return; }
    setBusy(true);
    try {
      const created = await reportHotline({
        categoryCode: v.categoryCode, description: v.description.trim(), location: pick.at, address: v.address?.trim() || undefined,
        ...(thingId ? { thingId } : {}),
        reporter: { name: v.callerName?.trim() || undefined, phone: v.callerPhone?.trim() || undefined },
      }, key.current);
      setResult(created);
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const next = () => { form.resetFields(); setPick(null); setThingId(null); setResult(null); key.current = newIdempotencyKey(); };
  const open = (id: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (id) n.set('case', id); else n.delete('case'); return n; });

  return (
    <div className="zz-fill-page">
      <PageHeader title={t('wcase.intake.title')} subtitle={t('wcase.intake.subtitle')} />
      <div className="zz-intake" data-testid="intake">
        <section className="zz-panel">
          <div className="zz-intake-form">
            {result ? (
              <>
                <Result
                  status="success" title={<span className="zz-intake-number">{t('wcase.intake.success', { number: result.number })}</span>} data-testid="intake-result"
                  subTitle={result.duplicates?.length ? undefined : t('wcase.intake.noDuplicates')}
                  extra={<Space><Button type="primary" onClick={() => open(result.id)}>{t('wcase.intake.open')}</Button><Button onClick={next} data-testid="intake-next">{t('wcase.intake.reset')}</Button></Space>}
                />
                {result.duplicates?.length ? <DuplicateList duplicates={result.duplicates} onOpen={open} /> : null}
              </>
            ) : (
              <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark data-testid="intake-form">
                <Form.Item name="categoryCode" label={t('wcase.intake.category')} rules={[{ required: true, message: t('wcase.intake.categoryRequired') }]}>
                  <Select showSearch={{ optionFilterProp: 'search' }} options={options} loading={matters.loading} placeholder={t('wcase.intake.categoryPlaceholder')} data-testid="intake-category" />
                </Form.Item>
                <Form.Item name="description" label={t('wcase.intake.description')} rules={[{ required: true, whitespace: true, message: t('wcase.intake.descriptionRequired') }]}>
                  <Input.TextArea rows={4} maxLength={CASE_LIMITS.description} showCount data-testid="intake-description" />
                </Form.Item>
                <Divider titlePlacement="start" plain>{t('wcase.intake.caller')}</Divider>
                <Space.Compact block>
                  <Form.Item name="callerName" label={t('wcase.intake.callerName')} style={{ flex: 1 }}><Input maxLength={CASE_LIMITS.reporterName} data-testid="intake-caller" /></Form.Item>
                  <Form.Item name="callerPhone" label={t('wcase.intake.callerPhone')} style={{ flex: 1, marginInlineStart: 12 }} rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('wcase.intake.phoneInvalid') }]}>
                    <Input maxLength={20} data-testid="intake-phone" />
                  </Form.Item>
                </Space.Compact>
                <Form.Item label={t('wcase.intake.location')} required validateStatus={pickError && !pick ? 'error' : undefined} help={pickError && !pick ? t('wcase.intake.locationRequired') : undefined}>
                  <Typography.Text type={pick?.located ? 'success' : pick ? 'danger' : 'secondary'} data-testid="intake-location">
                    {pick ? (pick.located ? pick.located.grid.name : pick.loading ? t('wcase.intake.locating') : t('wcase.intake.outside')) : t('wcase.intake.pickHint')}
                  </Typography.Text>
                </Form.Item>
                <Form.Item><RoutingHint categoryCode={category} at={pick?.located ? pick.at : null} /></Form.Item>
                <ThingPicker at={pick?.located ? pick.at : null} categoryCode={category} value={thingId} onChange={setThingId} />
                <Form.Item name="address" label={t('wcase.intake.address')}><Input maxLength={CASE_LIMITS.address} placeholder={t('wcase.intake.addressPlaceholder')} data-testid="intake-address" /></Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} block size="large" data-testid="intake-submit">{t('wcase.intake.submit')}</Button>
              </Form>
            )}
          </div>
        </section>
        <section className="zz-panel">
          <div className="zz-map">
            <LocationPicker value={pick} onChange={(v) => { setPick(v); setPickError(false); }} />
          </div>
        </section>
        <CaseDrawer caseId={openId} onClose={() => open(null)} />
      </div>
    </div>
  );
}

// 体征指标 (/indicators): the catalog grouped by board, each indicator with its value for the chosen unit and month, the
// target in force, the light and a six-month sparkline; a drawer with the definition in words, the formula, the trend
// and the values of the units below (drill down by opening one); leaders define a town's own indicator from the
// measures and set the town's targets.
import { useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { INDICATOR_BOARDS, INDICATOR_DIRECTIONS, INDICATOR_UNITS, type IndicatorBoard } from '../../../shared/indicators.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { EChart, tableFromSeries } from '../../ui/charts/EChart.tsx';
import { useApi } from '../../lib/useApi.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import {
  createIndicator, fetchCatalog, fetchChildren, fetchValues, setTarget, updateIndicator,
  type Indicator, type IndicatorValue, type Measure, type NewIndicator,
} from './api.ts';
import { formatValue, lastMonths, LightDot, monthOf } from './parts.tsx';
import './locales.ts';

interface Row { def: Indicator; value: IndicatorValue | undefined; trend: (number | null)[] }

export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(() => monthOf(dayjs()));
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const unitId = trail.length ? trail[trail.length - 1]!.id : null;
  const catalog = useApi((signal) => fetchCatalog(signal), []);
  const months = useMemo(() => lastMonths(period, 6), [period]);
  const values = useApi((signal) => Promise.all(months.map((m) => fetchValues(m, unitId, signal))), [months.join(), unitId]);
  const [open, setOpen] = useState<Indicator | null>(null);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [targeting, setTargeting] = useState<Indicator | null>(null);

  const current = values.data?.[values.data.length - 1];
  const unitName = current?.orgUnitName ?? '';
  const currentUnitId = current?.orgUnitId ?? null;
  const rowsByBoard = useMemo(() => {
    const by = new Map<IndicatorBoard, Row[]>();
    for (const def of catalog.data?.items ?? []) {
      if (def.archived) continue;
      const row: Row = {
        def,
        value: current?.items.find((v) => v.code === def.code),
        trend: (values.data ?? []).map((list) => list.items.find((v) => v.code === def.code)?.value ?? null),
      };
      by.set(def.board, [...(by.get(def.board) ?? []), row]);
    }
    return by;
  }, [catalog.data, values.data, current]);

  const lang = i18n.language;
  const columns: TableColumnsType<Row> = [
    {
      title: t('ind.col.name'), key: 'name',
      render: (_: unknown, r) => (
        <Space size={6}>
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.def)} data-testid="indicator-name">{r.def.name}</Button>
          {!r.def.standard ? <Tag color="purple" bordered={false}>{t('ind.own')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('ind.col.value'), key: 'value', width: 140, align: 'right',
      render: (_: unknown, r) => <span data-testid="indicator-value"><LightDot light={r.value?.light ?? 'none'} />{formatValue(r.value?.value, r.def.unit, lang)}</span>,
    },
    {
      title: t('ind.col.target'), key: 'target', width: 130, align: 'right',
      render: (_: unknown, r) => (r.def.target === null ? t('ind.none') : (
        <Typography.Text type="secondary">{r.def.direction === 'higher' ? '≥' : '≤'} {formatValue(r.def.target, r.def.unit, lang)}</Typography.Text>
      )),
    },
    { title: t('ind.col.light'), key: 'light', width: 140, render: (_: unknown, r) => t(`ind.lights.${r.value?.light ?? 'none'}`) },
    { title: t('ind.col.previous'), key: 'prev', width: 110, align: 'right', render: (_: unknown, r) => formatValue(r.value?.previous, r.def.unit, lang) },
    {
      title: t('ind.col.trend'), key: 'trend', width: 170,
      render: (_: unknown, r) => <Sparkline name={r.def.name} months={months} values={r.trend} />,
    },
    {
      title: t('ind.col.actions'), key: 'actions', width: 170,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setOpen(r.def)}>{t('ind.detail')}</Button>
          {r.def.policies.includes('setTarget') ? <Button size="small" type="link" onClick={() => setTargeting(r.def)} data-testid="indicator-set-target">{t('ind.setTarget')}</Button> : null}
          {r.def.policies.includes('update') ? <Button size="small" type="link" onClick={() => setEditing(r.def)}>{t('ind.edit')}</Button> : null}
        </Space>
      ),
    },
  ];

  // the command center's own figures first: they are what the center is run by
  const boards = (['center', ...INDICATOR_BOARDS.filter((b) => b !== 'center')] as IndicatorBoard[]).filter((b) => rowsByBoard.has(b));
  const error = catalog.error ?? values.error;
  return (
    <>
      <PageHeader title={t('ind.title')} subtitle={t('ind.subtitle')} extra={catalog.data?.policies.includes('create')
        ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="indicator-create">{t('ind.create')}</Button> : null} />
      <Space wrap style={{ marginBottom: 16 }} align="center">
        <span>{t('ind.unit')}：</span>
        <Breadcrumb items={[
          ...(trail.length ? [{ title: <a onClick={() => setTrail([])}>{t('ind.up')}</a> }] : []),
          { title: <Typography.Text strong data-testid="indicator-unit">{unitName}</Typography.Text> },
        ]} />
        <span style={{ marginLeft: 16 }}>{t('ind.period')}：</span>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && setPeriod(monthOf(d))} data-testid="indicator-period" />
      </Space>
      {error ? <ErrorState error={error} onRetry={() => { catalog.reload(); values.reload(); }} /> : (
        <Tabs
          items={boards.map((b) => ({
            key: b, label: t(`ind.boards.${b}`),
            children: <Table<Row> rowKey={(r) => r.def.code} size="middle" loading={catalog.loading || values.loading} columns={columns}
              dataSource={rowsByBoard.get(b) ?? []} pagination={false} locale={{ emptyText: t('ind.empty') }} data-testid={`indicator-board-${b}`} />,
          }))}
        />
      )}
      {open && currentUnitId ? (
        <IndicatorDrawer def={open} unitId={currentUnitId} unitName={unitName} period={period} months={months}
          trend={rowsByBoard.get(open.board)?.find((r) => r.def.code === open.code)?.trend ?? []}
          onClose={() => setOpen(null)}
          onDrill={(u) => { setOpen(null); setTrail((x) => [...x, u]); }} />
      ) : null}
      {editing ? <IndicatorForm def={editing === 'new' ? null : editing} measures={catalog.data?.measures ?? []} townId={catalog.data?.townId ?? null}
        onClose={() => setEditing(null)} onSaved={() => { setEditing(null); catalog.reload(); values.reload(); }} /> : null}
      {targeting && catalog.data?.townId ? <TargetForm def={targeting} townId={catalog.data.townId}
        onClose={() => setTargeting(null)} onSaved={() => { setTargeting(null); catalog.reload(); values.reload(); }} /> : null}
    </>
  );
}

function Sparkline({ name, months, values }: { name: string; months: string[]; values: (number | null)[] }) {
  const { t } = useTranslation();
  if (values.every((v) => v === null)) return <Typography.Text type="secondary">{t('ind.none')}</Typography.Text>;
  return (
    <EChart height={32} tableToggle={false} ariaLabel={t('ind.sparkline', { name })}
      table={tableFromSeries({ caption: t('ind.sparkline', { name }), categoryLabel: t('ind.drawer.month'), categories: months, series: [{ name, values }] })}
      option={{
        grid: { left: 2, right: 2, top: 4, bottom: 4 },
        xAxis: { type: 'category', show: false, data: months },
        yAxis: { type: 'value', show: false, scale: true },
        series: [{ type: 'line', data: values, symbol: 'none', smooth: true, connectNulls: true, lineStyle: { width: 2, color: '#1f5fa8' } }],
      }} />
  );
}

function IndicatorDrawer({ def, unitId, unitName, period, months, trend, onClose, onDrill }: {
  def: Indicator; unitId: string; unitName: string; period: string; months: string[]; trend: (number | null)[];
  onClose(): void; onDrill(u: { id: string; name: string }): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const children = useApi((signal) => fetchChildren(def.code, period, unitId, signal), [def.code, period, unitId]);
  const caption = t('ind.drawer.trendCaption', { name: def.name });
  return (
    <Drawer open width={640} title={`${def.name} · ${unitName}`} onClose={onClose} data-testid="indicator-drawer">
      <Descriptions column={1} size="small" bordered items={[
        { key: 'd', label: t('ind.drawer.definition'), children: def.description || t('ind.none') },
        { key: 'f', label: t('ind.drawer.formula'), children: <span data-testid="indicator-formula">{def.formulaText}</span> },
        { key: 'b', label: t('ind.drawer.board'), children: `${t(`ind.boards.${def.board}`)} · ${def.standard ? t('ind.standard') : t('ind.own')}` },
        { key: 'u', label: t('ind.drawer.unitLabel'), children: t(`ind.units.${def.unit}`) },
        { key: 'dir', label: t('ind.drawer.direction'), children: t(`ind.directions.${def.direction}`) },
        { key: 't', label: t('ind.drawer.target'), children: def.target === null ? t('ind.none') : `${formatValue(def.target, def.unit, lang)}（${def.targetSetBy ? t('ind.targetOwn') : t('ind.targetCatalog')}）` },
        { key: 'w', label: t('ind.drawer.warnBand'), children: def.warnBand === null ? t('ind.none') : formatValue(def.warnBand, def.unit, lang) },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('ind.drawer.trend')}</Typography.Title>
      <EChart height={200} ariaLabel={caption}
        table={tableFromSeries({ caption, categoryLabel: t('ind.drawer.month'), categories: months, series: [{ name: def.name, values: trend }] })}
        option={{
          grid: { left: 48, right: 16, top: 16, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: months },
          yAxis: { type: 'value', scale: true },
          series: [{
            type: 'line', name: def.name, data: trend, connectNulls: true,
            ...(def.target !== null ? { markLine: { symbol: 'none', data: [{ yAxis: def.target, name: t('ind.drawer.target') }], lineStyle: { color: '#cf1322', type: 'dashed' } } } : {}),
          }],
        }} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('ind.drawer.children')}</Typography.Title>
      {children.error ? <ErrorState error={children.error} onRetry={children.reload} /> : (
        <Table size="small" rowKey="orgUnitId" loading={children.loading} pagination={false} dataSource={children.data?.items ?? []}
          locale={{ emptyText: t('ind.drawer.noChildren') }} data-testid="indicator-children"
          columns={[
            { title: t('ind.unit'), dataIndex: 'orgUnitName' },
            { title: t('ind.col.value'), key: 'v', align: 'right', render: (_: unknown, v: IndicatorValue) => <><LightDot light={v.light} />{formatValue(v.value, v.unit, lang)}</> },
            { title: t('ind.drawer.numerator'), dataIndex: 'numerator', align: 'right', render: (v: number | null) => v ?? t('ind.none') },
            { title: t('ind.drawer.denominator'), dataIndex: 'denominator', align: 'right', render: (v: number | null) => v ?? t('ind.none') },
            { title: t('ind.col.previous'), key: 'p', align: 'right', render: (_: unknown, v: IndicatorValue) => formatValue(v.previous, v.unit, lang) },
            { title: '', key: 'drill', render: (_: unknown, v: IndicatorValue) => <Button size="small" type="link" onClick={() => onDrill({ id: v.orgUnitId, name: v.orgUnitName })}>{t('ind.drawer.drill')}</Button> },
          ]} />
      )}
    </Drawer>
  );
}

interface FormValues {
  code: string; nameZh: string; nameEn?: string; description?: string; board: IndicatorBoard; unit: Indicator['unit'];
  direction: Indicator['direction']; kind: 'count' | 'ratio' | 'average' | 'perCapita'; measures?: string[]; numerator?: string[];
  denominator?: string[]; scale?: number; target?: number | null; warnBand?: number | null;
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

function IndicatorForm({ def, measures, townId, onClose, onSaved }: { def: Indicator | null; measures: Measure[]; townId: string | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? def?.formula.kind ?? 'ratio';
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [key] = useState(newKey);
  const measureOptions = measures.map((m) => ({ value: m.code, label: m.name }));
  const initial: Partial<FormValues> = def ? {
    code: def.code, nameZh: def.nameZh, nameEn: def.nameEn, description: def.description, board: def.board, unit: def.unit, direction: def.direction,
    kind: def.formula.kind, target: def.target, warnBand: def.warnBand,
    ...(def.formula.kind === 'count' ? { measures: def.formula.measures } : { numerator: def.formula.numerator, denominator: def.formula.denominator, scale: def.formula.scale }),
  } : { board: 'center', unit: 'percent', direction: 'higher', kind: 'ratio', scale: 100 };
  const submit = async () => {
    const v = await form.validateFields();
    const formula = v.kind === 'count'
      ? { kind: 'count' as const, measures: v.measures as never }
      : { kind: v.kind, numerator: v.numerator as never, denominator: v.denominator as never, scale: v.scale ?? 1 };
    const body = {
      nameZh: v.nameZh, nameEn: v.nameEn || undefined, description: v.description ?? '', board: v.board, unit: v.unit, direction: v.direction,
      formula, target: v.target ?? null, warnBand: v.warnBand ?? null,
    };
    setBusy(true);
    setRefusal(null);
    try {
      if (def) await updateIndicator(def.code, { ...body, version: def.version });
      else await createIndicator({ ...body, code: v.code, townId: townId ?? undefined } as NewIndicator, key);
      message.success(def ? t('ind.form.saved') : t('ind.form.created'));
      onSaved();
    } catch (e) {
      const reasons = e instanceof ApiError ? (e.details as { reasons?: string[] } | undefined)?.reasons : undefined;
      setRefusal(reasons?.length ? reasons : [errorText(e, i18n.language)]);
    } finally {
      setBusy(false);
    }
  };
  const req = (field: string) => [{ required: true, message: t('ind.form.required', { field }) }];
  return (
    <Modal open width={640} title={def ? t('ind.form.titleEdit') : t('ind.form.titleNew')} okText={t('ind.save')} cancelText={t('ind.cancel')}
      confirmLoading={busy} onOk={submit} onCancel={onClose} destroyOnHidden data-testid="indicator-form">
      {refusal ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('ind.form.refused')} description={refusal.join('；')} /> : null}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space.Compact block>
          <Form.Item name="code" label={t('ind.form.code')} extra={t('ind.form.codeHint')} rules={[...req(t('ind.form.code')), { pattern: /^[A-Za-z][A-Za-z0-9_-]*$/, message: t('ind.form.codeHint') }]} style={{ flex: 1, marginRight: 12 }}>
            <Input placeholder={t('ind.form.codePh')} disabled={!!def} data-testid="indicator-form-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('ind.form.nameZh')} rules={req(t('ind.form.nameZh'))} style={{ flex: 1 }}>
            <Input maxLength={60} data-testid="indicator-form-name" />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="board" label={t('ind.form.board')}><Select style={{ width: 140 }} options={INDICATOR_BOARDS.map((b) => ({ value: b, label: t(`ind.boards.${b}`) }))} /></Form.Item>
          <Form.Item name="unit" label={t('ind.form.unit')}><Select style={{ width: 120 }} options={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`ind.units.${u}`) }))} /></Form.Item>
          <Form.Item name="direction" label={t('ind.form.direction')}><Select style={{ width: 130 }} options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`ind.directions.${d}`) }))} /></Form.Item>
        </Space>
        <Form.Item name="kind" label={t('ind.form.kind')}>
          <Radio.Group optionType="button" options={(['ratio', 'count', 'average', 'perCapita'] as const).map((k) => ({ value: k, label: t(`ind.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'count' ? (
          <Form.Item name="measures" label={t('ind.form.measures')} rules={req(t('ind.form.measures'))}>
            <Select mode="multiple" options={measureOptions} optionFilterProp="label" data-testid="indicator-form-measures" />
          </Form.Item>
        ) : <>
          <Form.Item name="numerator" label={t('ind.form.numerator')} rules={req(t('ind.form.numerator'))}>
            <Select mode="multiple" options={measureOptions} optionFilterProp="label" data-testid="indicator-form-numerator" />
          </Form.Item>
          <Form.Item name="denominator" label={t('ind.form.denominator')} rules={req(t('ind.form.denominator'))}>
            <Select mode="multiple" options={measureOptions} optionFilterProp="label" data-testid="indicator-form-denominator" />
          </Form.Item>
          {kind !== 'average' ? <Form.Item name="scale" label={t('ind.form.scale')} extra={t('ind.form.scaleHint')}><InputNumber min={0.0001} max={1_000_000} /></Form.Item> : null}
        </>}
        <Space wrap>
          <Form.Item name="target" label={t('ind.form.target')}><InputNumber style={{ width: 140 }} data-testid="indicator-form-target" /></Form.Item>
          <Form.Item name="warnBand" label={t('ind.form.warnBand')} extra={t('ind.form.warnHint')}><InputNumber min={0} style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item name="description" label={t('ind.form.description')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function TargetForm({ def, townId, onClose, onSaved }: { def: Indicator; townId: string; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [target, setTargetValue] = useState<number | null>(def.target);
  const [warnBand, setWarnBand] = useState<number | null>(def.warnBand);
  const [busy, setBusy] = useState(false);
  const save = async (value: number | null) => {
    setBusy(true);
    try {
      await setTarget(def.code, { orgUnitId: townId, target: value, warnBand: value === null ? null : warnBand });
      message.success(t('ind.targetForm.saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('ind.targetForm.title', { name: def.name })} okText={t('ind.save')} cancelText={t('ind.cancel')} confirmLoading={busy}
      onOk={() => save(target)} onCancel={onClose} data-testid="indicator-target-form"
      footer={(_, { OkBtn, CancelBtn }) => <>{def.targetSetBy ? <Button onClick={() => save(null)}>{t('ind.targetForm.clear')}</Button> : null}<CancelBtn /><OkBtn /></>}>
      <Space direction="vertical">
        <span>{t('ind.targetForm.target')}（{t(`ind.directions.${def.direction}`)}）</span>
        <InputNumber value={target} onChange={(v) => setTargetValue(v)} style={{ width: 200 }} data-testid="indicator-target-input" />
        <span>{t('ind.targetForm.warnBand')}</span>
        <InputNumber value={warnBand} min={0} onChange={(v) => setWarnBand(v)} style={{ width: 200 }} />
      </Space>
    </Modal>
  );
}


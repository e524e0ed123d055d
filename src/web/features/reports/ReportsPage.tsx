// 一表通: the report forms (standard ones and the town's own) on the left; on the right the chosen form's table for a
// unit of the reader's scope and a period — a row per sub-unit or month, the total rolled up — with Excel and PDF
// exports (each kept and audited on the server), the fills kept, and the form editor for leaders.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Drawer, Empty, Form, Input, List, Popconfirm, Radio, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { listUnits } from '../org/api.ts';
import { cellText } from '../../../domain/reports/table.ts';
import { periodLabel } from '../../../domain/reports/form.ts';
import { REPORT_LIMITS, type ReportFormat, type ReportPeriodKind, type ReportRowKind } from '../../../shared/reports.ts';
import { archiveForm, changeForm, createForm, downloadFill, fillForm, listFills, listForms, previewForm, type ColumnChoice, type ReportFill, type ReportForm } from './api.ts';
import './locales.ts';

const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The key of the period a day picked in the picker stands for. */
function periodKeyOf(kind: ReportPeriodKind, d: Dayjs): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'quarter') return `${d.format('YYYY')}Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}
/** The period a form is filled for by default: last month, this quarter, this year. */
const defaultDay = (kind: ReportPeriodKind) => (kind === 'month' ? dayjs().subtract(1, 'month') : dayjs());

interface UnitOption { id: string; name: string; level: string }

/** The unit of the reader's scope and the towns and communities under it (the grids too for a community's staff). */
function useUnits(): { units: UnitOption[]; loading: boolean } {
  const me = useMe();
  const scope = me.scopeOrgUnit;
  const list = useApi<UnitOption[]>(async (signal) => {
    if (!scope) return [];
    const own = { id: scope.id, name: scope.name, level: scope.level };
    if (scope.level === 'community') return [own, ...(await listUnits({ parentId: scope.id }, signal)).map((u) => ({ id: u.id, name: u.name, level: u.level }))];
    if (scope.level !== 'city' && scope.level !== 'district' && scope.level !== 'town') return [own];
    const [towns, communities] = await Promise.all([listUnits({ level: 'town' }, signal), listUnits({ level: 'community' }, signal)]);
    const under = [...towns, ...communities].filter((u) => u.ancestorIds.includes(scope.id));
    return [own, ...under.map((u) => ({ id: u.id, name: u.name, level: u.level }))];
  }, [scope?.id]);
  return { units: list.data ?? [], loading: list.loading };
}

export function ReportsPage() {
  const { t } = useTranslation();
  const forms = useApi((signal) => listForms(signal), []);
  const fills = useApi((signal) => listFills(signal), []);
  const [formId, setFormId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ReportForm | 'new' | null>(null);
  const items = forms.data?.items ?? [];
  const form = items.find((f) => f.id === formId) ?? items[0] ?? null;
  return (
    <div className="zz-page" data-testid="reports-page">
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} extra={
        forms.data?.policies.includes('create')
          ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="report-form-new">{t('reports.newForm')}</Button>
          : null
      } />
      {forms.error ? <ErrorState error={forms.error} onRetry={forms.reload} /> : forms.loading && !forms.data ? <Spin /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" title={t('reports.forms')}>
              {!items.length ? <Empty description={t('reports.empty')} /> : (
                <List size="small" dataSource={items} data-testid="report-forms" renderItem={(f) => (
                  <List.Item
                    onClick={() => setFormId(f.id)} data-testid="report-form"
                    style={{ cursor: 'pointer', background: f.id === form?.id ? '#e6f0ff' : undefined, paddingInline: 8, borderRadius: 6 }}
                    actions={f.policies.includes('edit') ? [<Button key="edit" size="small" type="link" icon={<EditOutlined />} aria-label={t('reports.edit')} onClick={(e) => { e.stopPropagation(); setEditing(f); }} />] : []}
                  >
                    <List.Item.Meta title={f.name} description={
                      <Space size={4} wrap>
                        <Tag color={f.standard ? 'blue' : 'green'}>{f.standard ? t('reports.standard') : t('reports.own', { town: f.orgUnitName ?? '' })}</Tag>
                        <Tag>{t(`reports.periodKinds.${f.periodKind}`)}</Tag>
                        <Typography.Text type="secondary">{t(`reports.rowKinds.${f.rowKind}`)} · {t('reports.columns', { count: f.columns.length })}</Typography.Text>
                      </Space>
                    } />
                  </List.Item>
                )} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {form ? <FormTable key={form.id} form={form} onFilled={fills.reload} /> : <Empty description={t('reports.pickForm')} />}
            <FillList fills={fills.data?.items ?? []} loading={fills.loading} />
          </Col>
        </Row>
      )}
      {editing ? (
        <FormEditor form={editing === 'new' ? null : editing} choices={forms.data?.choices ?? []}
          onClose={() => setEditing(null)} onSaved={(id) => { setEditing(null); if (id) setFormId(id); forms.reload(); }} />
      ) : null}
    </div>
  );
}

function FormTable({ form, onFilled }: { form: ReportForm; onFilled(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { units } = useUnits();
  const [unitId, setUnitId] = useState<string | undefined>(me.scopeOrgUnit?.id);
  const [day, setDay] = useState<Dayjs>(defaultDay(form.periodKind));
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const period = periodKeyOf(form.periodKind, day);
  const table = useApi(unitId ? (signal) => previewForm(form.id, unitId, period, signal) : null, [form.id, form.version, unitId, period]);
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const fill = async (format: ReportFormat) => {
    if (!unitId) return;
    setBusy(format);
    try { message.success(t('reports.saved', { name: await fillForm(form.id, unitId, period, format, newKey()) })); onFilled(); }
    catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(null); }
  };
  const data = table.data;
  type Row = { key: string; label: string; cells: (number | null)[] };
  const columns: TableColumnsType<Row> = data ? [
    { title: t(`reports.rowHead.${data.rowKind}`), dataIndex: 'label', fixed: 'left', width: 150,
      // a month's label in the reader's language (the server writes the Chinese one into the file)
      render: (label: string, r: Row) => (data.rowKind === 'months' && lang === 'en' ? periodLabel(r.key, 'en') : label) },
    ...data.columns.map((c, i) => ({
      title: <span>{c.label}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>（{t(`reports.unitHeading.${c.unit}`)}）</Typography.Text></span>,
      key: c.code, align: 'right' as const, render: (_: unknown, r: Row) => cellText(r.cells[i] ?? null, c.unit, lang),
    })),
  ] : [];
  return (
    <Card size="small" title={form.name} data-testid="report-table-card" extra={
      <Space wrap>
        <Select<string> style={{ minWidth: 180 }} value={unitId} onChange={setUnitId} showSearch optionFilterProp="label" aria-label={t('reports.unit')}
          options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="report-unit" />
        <DatePicker picker={form.periodKind === 'month' ? 'month' : form.periodKind} value={day} allowClear={false} onChange={(d) => d && setDay(d)}
          aria-label={t('reports.period')} data-testid="report-period" />
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!data} onClick={() => fill('xlsx')} data-testid="report-excel">{t('reports.excel')}</Button>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={!data} onClick={() => fill('pdf')} data-testid="report-pdf">{t('reports.pdf')}</Button>
      </Space>
    }>
      {form.description ? <Typography.Paragraph type="secondary">{form.description}</Typography.Paragraph> : null}
      {table.error ? <ErrorState error={table.error} onRetry={table.reload} /> : !data ? <Spin /> : (
        <>
          <Typography.Title level={5} style={{ textAlign: 'center' }} data-testid="report-title">{lang === 'zh' ? data.title : `${data.unit.name} · ${periodLabel(data.period, 'en')} · ${data.formName}`}</Typography.Title>
          <Table<Row> size="small" bordered pagination={false} rowKey="key" columns={columns} dataSource={data.rows} scroll={{ x: 'max-content' }} data-testid="report-table"
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row data-testid="report-total">
                  <Table.Summary.Cell index={0}><b>{data.total.label === '合计' && lang === 'en' ? 'Total' : data.total.label}</b></Table.Summary.Cell>
                  {data.total.cells.map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right"><b>{cellText(v, data.columns[i]!.unit, lang)}</b></Table.Summary.Cell>)}
                </Table.Summary.Row>
              </Table.Summary>
            )} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('reports.totalNote')}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

function FillList({ fills, loading }: { fills: ReportFill[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const columns: TableColumnsType<ReportFill> = [
    { title: t('reports.fcol.form'), dataIndex: 'formName' },
    { title: t('reports.fcol.unit'), dataIndex: 'orgUnitName' },
    { title: t('reports.fcol.period'), dataIndex: 'period', render: (period: string) => periodLabel(period, lang) },
    { title: t('reports.fcol.format'), dataIndex: 'format', render: (f: string) => (f === 'pdf' ? 'PDF' : 'Excel') },
    { title: t('reports.fcol.by'), dataIndex: 'byName' },
    { title: t('reports.fcol.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format(lang === 'zh' ? 'YYYY年M月D日 HH:mm' : 'YYYY-MM-DD HH:mm') },
    { title: t('reports.fcol.actions'), key: 'a', render: (_: unknown, f) => (
      <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => downloadFill(f).catch((e) => message.error(errorText(e, i18n.language)))}>{t('reports.download')}</Button>
    ) },
  ];
  return (
    <Card size="small" title={t('reports.fills')} style={{ marginTop: 16 }}>
      <Table<ReportFill> size="small" rowKey="id" loading={loading} columns={columns} dataSource={fills} pagination={false}
        locale={{ emptyText: t('reports.noFills') }} data-testid="report-fills" />
    </Card>
  );
}

interface EditorValues { name: string; description?: string; rowKind: ReportRowKind; periodKind: ReportPeriodKind; columns: string[] }

function FormEditor({ form, choices, onClose, onSaved }: { form: ReportForm | null; choices: ColumnChoice[]; onClose(): void; onSaved(id: string | null): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [f] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(newKey, []);
  const zh = i18n.language.startsWith('zh');
  useEffect(() => {
    f.setFieldsValue(form
      ? { name: form.name, description: form.description, rowKind: form.rowKind, periodKind: form.periodKind, columns: form.columns.map((c) => c.indicatorCode) }
      : { rowKind: 'children', periodKind: 'month', columns: [] });
  }, [form, f]);
  const name = (c: ColumnChoice) => (zh ? c.nameZh : c.nameEn);
  const options = [
    { label: t('reports.editor.indicators'), options: choices.filter((c) => c.kind === 'indicator').map((c) => ({ value: c.code, label: name(c) })) },
    { label: t('reports.editor.measures'), options: choices.filter((c) => c.kind === 'measure').map((c) => ({ value: c.code, label: name(c) })) },
  ];
  const save = async () => {
    const v = await f.validateFields();
    // a column keeps the heading it had
    const labels = new Map(form?.columns.map((c) => [c.indicatorCode, c.label]) ?? []);
    const body = { name: v.name, description: v.description ?? '', rowKind: v.rowKind, periodKind: v.periodKind, columns: v.columns.map((code) => ({ indicatorCode: code, label: labels.get(code) ?? null })) };
    setBusy(true);
    try {
      const saved = form ? await changeForm(form.id, { ...body, version: form.version }) : await createForm(body, key);
      message.success(t('reports.editor.saved'));
      onSaved(saved.id);
    } catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(false); }
  };
  const archive = async () => {
    if (!form) return;
    try { await archiveForm(form.id); message.success(t('reports.editor.archived')); onSaved(null); }
    catch (e) { message.error(errorText(e, i18n.language)); }
  };
  return (
    <Drawer open width={560} title={form ? t('reports.editor.editTitle') : t('reports.editor.newTitle')} onClose={onClose} data-testid="report-editor"
      extra={<Space>
        {form?.policies.includes('archive') ? <Popconfirm title={t('reports.editor.archiveConfirm')} onConfirm={archive}><Button danger>{t('reports.editor.archive')}</Button></Popconfirm> : null}
        <Button type="primary" loading={busy} onClick={save} data-testid="report-editor-save">{t('reports.editor.save')}</Button>
      </Space>}>
      <Form form={f} layout="vertical">
        <Form.Item name="name" label={t('reports.editor.name')} rules={[{ required: true, whitespace: true, message: t('reports.editor.required', { field: t('reports.editor.name') }) }]}>
          <Input maxLength={REPORT_LIMITS.name} placeholder={t('reports.editor.namePh')} data-testid="report-editor-name" />
        </Form.Item>
        <Form.Item name="description" label={t('reports.editor.description')}>
          <Input.TextArea maxLength={REPORT_LIMITS.description} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="rowKind" label={t('reports.editor.rowKind')}>
          <Radio.Group optionType="button" options={(['children', 'months'] as const).map((k) => ({ value: k, label: t(`reports.rowKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="periodKind" label={t('reports.editor.periodKind')} dependencies={['rowKind']} rules={[({ getFieldValue }) => ({
          validator: (_, v) => (getFieldValue('rowKind') === 'months' && v === 'month' ? Promise.reject(new Error(t('reports.editor.monthsNeedQuarter'))) : Promise.resolve()),
        })]}>
          <Radio.Group optionType="button" options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`reports.periodKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="columns" label={t('reports.editor.columns')} rules={[{ required: true, type: 'array', min: 1, message: t('reports.editor.required', { field: t('reports.editor.columns') }) }]}>
          <Select mode="multiple" options={options} placeholder={t('reports.editor.columnsPh')} optionFilterProp="label" maxCount={REPORT_LIMITS.columns} data-testid="report-editor-columns" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

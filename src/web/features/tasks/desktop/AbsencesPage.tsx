// 人员请假: the grid workers' absences of the reader's territory (a worker away gets no tasks; the rest of the grid's
// team takes them); 登记请假 records one — a grid, one of its workers, the days and the reason — and 删除 removes one,
// both when the API's policies allow.
import { useMemo, useState } from 'react';
import { App, Button, Checkbox, DatePicker, Empty, Form, Input, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType as ColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { fetchFeatures } from '../../org/api.ts';
import { deleteAbsence, fetchAbsences, recordAbsence, type Absence } from '../oversight-api.ts';
import { gridsOf } from './parts.tsx';
import { FormModal, GridWorkerFields, useGridWorkers, useModalForm } from './modal-form.tsx';
import './locales.ts';
import './tasks.css';

const DAY = 'YYYY-MM-DD';
const PAGE_SIZE = 50;

export function AbsencesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const scopeId = me.scopeOrgUnit?.id ?? '';
  const [showPast, setShowPast] = useState(false);
  const [addOpen, setAddOpen] = useState(false);
  const [page, setPage] = useState(1);
  const today = dayjs().format(DAY);
  const list = useApi((signal) => fetchAbsences({ orgUnitId: scopeId || undefined, ...(showPast ? {} : { current: true }), page, pageSize: PAGE_SIZE }, signal), [scopeId, showPast, page]);
  const canAdd = list.data?.policies.includes('create') ?? false;
  const units = useApi(scopeId && canAdd ? (signal) => fetchFeatures(scopeId, signal) : null, [scopeId, canAdd]);
  const grids = useMemo(() => gridsOf(units.data), [units.data]);

  const remove = async (a: Absence) => {
    try {
      await deleteAbsence(a.id);
      message.success(t('oversight.common.deleted'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  };

  const columns: ColumnsType<Absence> = [
    { title: t('oversight.absences.worker'), key: 'worker', width: 120, render: (_, a) => a.accountName },
    { title: t('oversight.absences.grid'), key: 'grid', width: 180, render: (_, a) => a.grids.map((g) => g.name).join('、') || t('oversight.common.noData') },
    { title: t('oversight.absences.dates'), key: 'dates', width: 230, render: (_, a) => t('oversight.period.range', { from: a.from, to: a.to }) },
    {
      title: '', key: 'state', width: 90,
      render: (_, a) => (a.from > today ? <Tag color="blue">{t('oversight.absences.upcoming')}</Tag>
        : a.to < today ? <Tag>{t('oversight.absences.past')}</Tag> : <Tag color="orange">{t('oversight.absences.current')}</Tag>),
    },
    { title: t('oversight.absences.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('oversight.absences.handedOver'), dataIndex: 'handedOver', width: 110, align: 'right' },
    { title: t('oversight.absences.recordedBy'), dataIndex: 'createdByName', width: 100 },
    {
      title: '', key: 'actions', width: 80,
      render: (_, a) => (a.policies.includes('delete') ? (
        <Popconfirm title={t('oversight.absences.removeConfirm')} okText={t('oversight.common.delete')} cancelText={t('oversight.common.cancel')} onConfirm={() => remove(a)}>
          <Button type="link" danger size="small" data-testid="absence-delete">{t('oversight.absences.remove')}</Button>
        </Popconfirm>
      ) : null),
    },
  ];

  return (
    <div className="zz-page" data-testid="absences-page">
      <PageHeader
        title={t('oversight.absences.title')} subtitle={t('oversight.absences.subtitle')}
        extra={<>
          <Checkbox checked={showPast} onChange={(e) => { setShowPast(e.target.checked); setPage(1); }} data-testid="absence-past">{t('oversight.absences.showPast')}</Checkbox>
          {canAdd ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddOpen(true)} data-testid="absence-add">{t('oversight.absences.add')}</Button> : null}
        </>}
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Absence>
          rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} data-testid="absence-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.absences.empty')} /> }}
        />
      )}
      <AbsenceModal open={addOpen} grids={grids} onClose={() => setAddOpen(false)} onDone={() => { setAddOpen(false); setPage(1); list.reload(); }} />
    </div>
  );
}

interface Values { gridId?: string; accountId?: string; dates?: [Dayjs, Dayjs]; reason?: string }

function AbsenceModal({ open, grids, onClose, onDone }: { open: boolean; grids: { id: string; name: string }[]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useModalForm<Values>(open);
  const picker = useGridWorkers(m);

  const submit = () => m.submit(async (v) => {
    await recordAbsence({
      accountId: v.accountId!, from: v.dates![0].format(DAY), to: v.dates![1].format(DAY), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    }, m.key);
    message.success(t('oversight.absences.saved', { name: picker.nameOf(v.accountId) }));
    onDone();
  });

  return (
    <FormModal
      m={m} title={t('oversight.absences.addTitle')} okText={t('oversight.common.save')} width={520} testId="absence" onClose={onClose} onOk={() => void submit()}
    >
      <GridWorkerFields
        picker={picker} grids={grids} workerField="accountId" gridLabel={t('oversight.absences.grid')} workerLabel={t('oversight.absences.worker')} testId="absence"
      />
      <Form.Item name="dates" label={t('oversight.absences.dates')} rules={[{ required: true, message: t('oversight.common.choose', { field: t('oversight.absences.dates') }) }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="absence-dates" />
      </Form.Item>
      <Form.Item name="reason" label={t('oversight.absences.reason')}>
        <Input maxLength={200} placeholder={t('oversight.absences.reasonHint')} data-testid="absence-reason" />
      </Form.Item>
    </FormModal>
  );
}

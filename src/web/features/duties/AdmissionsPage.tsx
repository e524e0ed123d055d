// 清单准入: the town's requests for new duties, pending first, each with what it adds to one doer of its level; the
// requesters file new ones (申请准入), the town's office admits or refuses them where the policies allow.
import { useState } from 'react';
import { Button, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ADMISSION_STATUSES, DUTY_LEVELS, type AdmissionStatus, type DutyLevel } from '../../../shared/duties.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { getStandingDuties, listAdmissions, type Admission } from './api.ts';
import { AdmissionForm } from './AdmissionForm.tsx';
import { DecideModal } from './DecideModal.tsx';
import { TownPicker } from './TownPicker.tsx';
import { LIST_COLORS } from './list-colors.ts';
import './locales.ts';
import './duties.css';

const STATUS_COLORS: Record<AdmissionStatus, string> = { pending: 'processing', approved: 'success', refused: 'error' };

export function AdmissionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [townId, setTownId] = useState<string | null>(params.get('town'));
  const [status, setStatus] = useState<AdmissionStatus | 'all'>('all');
  const list = useApi((signal) => listAdmissions(townId, status === 'all' ? null : status, signal), [townId, status]);
  const standing = useApi((signal) => getStandingDuties(townId, signal), [townId]);
  const asked = params.get('new');
  const [filing, setFiling] = useState<DutyLevel | null | false>(asked && (DUTY_LEVELS as readonly string[]).includes(asked) ? asked as DutyLevel : false);
  const [deciding, setDeciding] = useState<{ a: Admission; decision: 'approve' | 'refuse' } | null>(null);
  const l = list.data;
  const closeForm = () => { setFiling(false); if (params.has('new')) setParams({}, { replace: true }); };

  return (
    <div data-testid="admissions-page">
      <PageHeader
        title={t('duties.admissions.title')} subtitle={t('duties.admissions.subtitle')}
        extra={(
          <Space wrap>
            <TownPicker towns={l?.towns} value={l?.town.id} onChange={setTownId} />
            {l?.policies.includes('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(null)} data-testid="admission-file">{t('duties.admissions.file')}</Button>
              : <Typography.Text type="secondary">{t('duties.admissions.readOnly')}</Typography.Text>}
          </Space>
        )}
      />
      <div className="zz-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented value={status} onChange={(v) => setStatus(v as AdmissionStatus | 'all')} data-testid="admission-statuses"
            options={[{ value: 'all', label: t('duties.all') }, ...ADMISSION_STATUSES.map((s) => ({ value: s, label: `${t(`duties.statuses.${s}`)} ${l?.counts[s] ?? ''}` }))]} />
        </Space>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
          <Table<Admission>
            rowKey="id" size="middle" loading={list.loading} dataSource={l?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duties.admissions.empty')} /> }} data-testid="admissions-table" tableLayout="fixed"
            columns={[
              { title: t('duties.admissions.col.level'), dataIndex: 'level', width: 72, render: (v: DutyLevel) => t(`duties.levels.${v}`) },
              {
                title: t('duties.admissions.col.name'), key: 'name', width: 220, render: (_, a) => (
                  <div>
                    <strong>{a.item.name}</strong> <Tag color={LIST_COLORS[a.item.listType]}>{t(`duties.listTypes.${a.item.listType}`)}</Tag>
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.item.basis}</Typography.Text></div>
                    {a.item.department ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.item.department}</Typography.Text></div> : null}
                  </div>
                ),
              },
              {
                title: t('duties.admissions.col.requester'), key: 'requester', width: 110, render: (_, a) => (
                  <div>{a.requesterUnit ?? t('duties.none')}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.requestedByName} {dayjs(a.createdAt).format('MM-DD')}</Typography.Text></div></div>
                ),
              },
              { title: t('duties.admissions.col.reason'), dataIndex: 'reason' },
              {
                title: t('duties.admissions.col.effect'), key: 'effect', width: 150, render: (_, a) => (
                  <div>
                    {t('duties.admissions.burden', { visits: a.burden })}
                    <div>{a.effect.before !== null
                      ? <Typography.Text type={a.effect.added > 0 ? 'warning' : undefined}>{t('duties.admissions.effectPending', { before: a.effect.before, after: a.effect.after, added: a.effect.added })}</Typography.Text>
                      : <Typography.Text type="secondary">{t('duties.admissions.effect', { added: a.effect.added })}</Typography.Text>}</div>
                  </div>
                ),
              },
              { title: t('duties.admissions.col.status'), dataIndex: 'status', width: 84, render: (s: AdmissionStatus) => <Tag color={STATUS_COLORS[s]}>{t(`duties.statuses.${s}`)}</Tag> },
              {
                title: t('duties.admissions.col.decision'), key: 'decision', width: 170, render: (_, a) => (a.decidedAt ? (
                  <div>
                    <Typography.Text style={{ fontSize: 13 }}>{t('duties.admissions.decidedBy', { name: a.decidedByName, date: dayjs(a.decidedAt).format('YYYY-MM-DD') })}</Typography.Text>
                    {a.itemCode ? <Tag style={{ marginLeft: 4 }}>{t('duties.admissions.itemCode')} <span className="zz-code">{a.itemCode}</span></Tag> : null}
                    {a.decisionNote ? <div><Tooltip title={a.decisionNote}><Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{a.decisionNote}</Typography.Text></Tooltip></div> : null}
                  </div>
                ) : t('duties.none')),
              },
              {
                title: t('duties.admissions.col.actions'), key: 'actions', width: 110, render: (_, a) => (
                  <Space size={0}>
                    {a.policies.includes('approve') ? <Button type="link" size="small" onClick={() => setDeciding({ a, decision: 'approve' })} data-testid="admission-approve">{t('duties.admissions.approve')}</Button> : null}
                    {a.policies.includes('refuse') ? <Button type="link" size="small" danger onClick={() => setDeciding({ a, decision: 'refuse' })}>{t('duties.admissions.refuse')}</Button> : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
        {filing !== false && l?.policies.includes('create') ? <AdmissionForm list={l} standing={standing.data} level={filing} onClose={closeForm} onFiled={() => { closeForm(); list.reload(); }} /> : null}
        {deciding ? <DecideModal admission={deciding.a} decision={deciding.decision} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); list.reload(); }} /> : null}
      </div>
    </div>
  );
}

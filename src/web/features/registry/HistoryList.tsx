// The change history of a record (一户一档's 变更记录): who, when, what, and each changed field before → after, by
// its name; tags by name, enums by label, personal numbers as the server keeps them in the history (masked), links
// to other records as "changed" (the history holds their ids, not their names).
import { Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reasonInWords } from '../../lib/system-reason-text.ts';
import type { Change } from './api.ts';
import { useEnumLabel } from './parts.tsx';
import { useTags } from './tags.tsx';

const ENUM_FIELDS: Record<string, Parameters<ReturnType<typeof useEnumLabel>>[0]> = {
  gender: 'gender', relation: 'relation', residenceKind: 'residenceKind', kind: 'placeKind', riskLevel: 'riskLevel', status: 'hazardStatus', leftReason: 'leaveReason',
};
const ID_FIELDS = new Set(['householdId', 'buildingId', 'headResidentId', 'gridId', 'householdIds', 'thingId']);

export function HistoryList({ items, emptyText }: { items: readonly Change[]; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const { nameOf } = useTags();
  // a resident's name is 姓名, a building's, place's or thing's 名称
  const fieldName = (f: string, entityKind: string) => (f === 'name' && entityKind !== 'resident' ? t('registry.history.fields.title')
    : t(`registry.history.fields.${f}`, { defaultValue: '' }) || t('registry.history.otherField'));
  // a leave's reason is kept as "<reason>" or "<reason>: <words>" (迁出：随父母迁往成都)
  const leaveText = (v: string) => {
    const at = v.indexOf(': ');
    const code = at < 0 ? v : v.slice(0, at);
    return at < 0 ? label('leaveReason', code) : `${label('leaveReason', code)}：${v.slice(at + 2)}`;
  };
  const valueText = (field: string, v: unknown, entityKind: string): string => {
    if (field === 'leftReason' && typeof v === 'string' && v) return leaveText(v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return dayjs(v).format('YYYY-MM-DD HH:mm');
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('registry.history.empty');
    if (ID_FIELDS.has(field)) return t('registry.history.changed');
    if (field === 'tags' && Array.isArray(v)) return v.map((c) => nameOf(String(c)) || '…').join('、');
    if (field === 'kind') return label(entityKind === 'thing' ? 'thingKind' : 'placeKind', String(v));
    if (ENUM_FIELDS[field]) return label(ENUM_FIELDS[field], String(v));
    if (typeof v === 'boolean') return v ? t('registry.yes') : t('registry.no');
    if (field === 'location' && typeof v === 'object') { const p = v as { lng?: number; lat?: number }; return `${p.lng ?? ''}, ${p.lat ?? ''}`; }
    if (typeof v === 'object') return t('registry.history.changed');
    return String(v);
  };
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Table<Change>
      rowKey="id" size="small" pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false} dataSource={[...items]} data-testid="history-table"
      columns={[
        { title: t('registry.household.when'), dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: t('registry.household.who'), dataIndex: 'actorName', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('registry.household.change'), key: 'what', width: 150, render: (_, c) => (
          <span><Tag>{t(`registry.history.entity.${c.entityKind}`)}</Tag>{t(`registry.history.actions.${c.action}`, { defaultValue: t('registry.history.otherAction') })}</span>
        ) },
        { title: '', key: 'diff', render: (_, c) => {
          // a new record lists what it was given: not its links (ids) nor what was left empty
          const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
          const fields = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])]
            .filter((f) => f !== 'version' && (c.before || (!ID_FIELDS.has(f) && !blank(c.after?.[f]))))
            // a boundary change names both grids: their names, not "changed"
            .filter((f) => f !== 'gridId' || !(c.after && 'gridName' in c.after));
          return (
            <div className="zz-reg-diff" data-testid="history-diff">
              {fields.map((f) => (
                <div key={f}>
                  <Typography.Text type="secondary">{t('registry.household.field', { field: fieldName(f, c.entityKind) })}</Typography.Text>
                  {c.before ? <><span className="zz-reg-before">{valueText(f, c.before[f], c.entityKind)}</span> {t('registry.household.arrow')} </> : null}
                  <span className="zz-reg-after">{valueText(f, c.after?.[f], c.entityKind)}</span>
                </div>
              ))}
              {c.reason ? <Typography.Text type="secondary">{t('registry.history.reason', { reason: c.action === 'leave' ? leaveText(c.reason) : reasonInWords(c.reason, i18n.language) })}</Typography.Text> : null}
            </div>
          );
        } },
      ]}
    />
  );
}

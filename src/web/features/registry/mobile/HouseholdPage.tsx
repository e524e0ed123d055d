// 一户一档 on the phone (/m/registry/households/:id): the address and where it is, the members with their relation,
// age and tags and a 拨打 each, the hazards with their follow-ups, the cases reported there, care devices, and the
// history of changes, folded.
import { useState } from 'react';
import { Button, Collapse, DotLoading, ErrorBlock, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, MobilePage } from '../../cases/public.ts';
import { HouseholdVisits } from '../../tasks/public.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { reasonInWords } from '../../../lib/system-reason-text.ts';
import { fetchHouseholdFile, type Change, type HouseholdFile, type Resident } from './api.ts';
import { useCall } from './call.tsx';
import { ResidentRow, ResidentSheet, TagList, type TagNames } from './resident-ui.tsx';
import { useTagNames } from './RegistrySearchPage.tsx';
import { tagName } from './tags.ts';
import { DeviceRow } from './DeviceRow.tsx';
import './locales.ts';
import './registry-mobile.css';

const RELATION_ORDER = ['head', 'spouse', 'parent', 'child', 'grandchild', 'sibling', 'other'];

export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const file = useApi((signal) => fetchHouseholdFile(id, signal), [id]);
  const { names } = useTagNames();

  if (file.loading && !file.data) {
    return <MobilePage title={t('mreg.title.household')} back="/m/registry"><div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div></MobilePage>;
  }
  if (!file.data) {
    const notFound = file.error instanceof ApiError && (file.error.status === 404 || file.error.status === 403);
    return (
      <MobilePage title={t('mreg.title.household')} back="/m/registry" testId="household-page">
        <ErrorBlock status={notFound ? 'empty' : 'default'} title={notFound ? t('mreg.household.notFound') : errorText(file.error, i18n.language)}
          description={notFound ? '' : <Button size="small" onClick={file.reload}>{t('mreg.common.retry')}</Button>} />
      </MobilePage>
    );
  }
  return <HouseholdView file={file.data} names={names} />;
}

function HouseholdView({ file, names }: { file: HouseholdFile; names: TagNames }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const h = file.household;
  const { call, busyId, dialog } = useCall();
  const [open, setOpen] = useState<Resident | null>(null);
  const members = [...file.members].sort((a, b) => RELATION_ORDER.indexOf(a.relation ?? 'other') - RELATION_ORDER.indexOf(b.relation ?? 'other'));

  return (
    <MobilePage title={t('mreg.title.household')} back="/m/registry" testId="household-page">
      <Card testId="household-head">
        <div className="mr-head-address" data-testid="household-address">{h.address}</div>
        <div style={{ marginTop: 8 }}><TagList codes={h.tags} names={names} hidden={h.hiddenTags} /></div>
        <dl className="mr-kv">
          <dt>{t('mreg.household.grid')}</dt><dd>{h.gridName}</dd>
          <dt>{t('mreg.household.residenceKind')}</dt><dd>{t(`mreg.residenceKinds.${h.residenceKind}`)}</dd>
          {h.buildingId ? (
            <>
              <dt>{t('mreg.household.building')}</dt>
              <dd>
                <button type="button" className="mr-link" data-testid="open-building" onClick={() => navigate(`/m/registry/buildings/${h.buildingId}`)}>
                  {h.buildingName}{h.unitNo && h.roomNo ? ` · ${t('mreg.household.room', { unit: h.unitNo, room: h.roomNo })}` : ''}
                </button>
              </dd>
            </>
          ) : null}
          {h.note ? <><dt>{t('mreg.household.note')}</dt><dd>{h.note}</dd></> : null}
        </dl>
      </Card>

      <HouseholdVisits householdId={h.id} address={h.address} visits={file.visits} />

      <Card title={t('mreg.household.members', { count: members.length })} testId="household-members">
        {members.length === 0 ? <div className="mc-hint">{t('mreg.household.noMembers')}</div> : (
          <div style={{ margin: '0 -16px' }}>
            {members.map((m) => (
              <ResidentRow key={m.id} r={m} names={names} showAddress={false} onOpen={() => setOpen(m)} onCall={(x) => void call(x)} calling={busyId === m.id} />
            ))}
          </div>
        )}
      </Card>

      <Card title={t('mreg.household.hazards')} testId="household-hazards">
        {file.hazards.length === 0 ? <div className="mc-hint">{t('mreg.household.noHazards')}</div> : file.hazards.map((z) => (
          <div className="mr-hazard" key={z.id} data-testid="hazard">
            <div className="mr-hazard-top">
              <span style={{ fontWeight: 600 }}>{z.thingName ?? z.buildingName ?? ''}</span>
              <Tag color={z.status === 'open' ? 'danger' : 'success'} fill="outline">{t(`mreg.hazardStatus.${z.status}`)}</Tag>
            </div>
            <div>{z.description}</div>
            {z.actionTaken ? <div className="mr-sub">{t('mreg.common.labelled', { label: t('mreg.household.actionTaken'), text: z.actionTaken })}</div> : null}
            <div className="mc-hint">
              {t('mreg.household.foundOn', { date: z.foundOn })}
              {z.nextCheckOn ? ` · ${t('mreg.household.nextCheck', { date: z.nextCheckOn })}` : ''}
            </div>
          </div>
        ))}
      </Card>

      <Card title={t('mreg.household.cases')} testId="household-cases">
        {file.cases.length === 0 ? <div className="mc-hint">{t('mreg.household.noCases')}</div> : file.cases.map((c) => (
          <div className="mr-case" key={c.id} role="link" tabIndex={0} data-testid="household-case"
            onClick={() => navigate(`/m/cases/${c.id}`)} onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/m/cases/${c.id}`); }}>
            <div className="mr-hazard-top">
              <span style={{ fontWeight: 600 }}>{c.categoryName}</span>
              <Tag color={c.status === 'closed' ? 'success' : c.status === 'rejected' ? 'default' : 'warning'} fill="outline">{t(`mreg.caseStatus.${c.status}`)}</Tag>
            </div>
            <div className="mc-hint"><span translate="no">{c.number}</span> · {c.createdAt.slice(0, 10)}{c.address ? ` · ${c.address}` : ''}</div>
          </div>
        ))}
      </Card>

      <Card title={t('mreg.household.devices')} testId="household-devices">
        {file.devices.length === 0 ? <div className="mc-hint">{t('mreg.household.noDevices')}</div> : file.devices.map((d) => <DeviceRow key={d.id} d={d} members={file.members} />)}
      </Card>

      <div className="mc-card mr-section">
        <Collapse data-testid="household-history">
          <Collapse.Panel key="history" title={<span>{t('mreg.household.history')} <span className="mc-hint">{t('mreg.household.historyCount', { count: file.history.length })}</span></span>}>
            {file.history.length === 0 ? <div className="mc-hint">{t('mreg.household.noHistory')}</div>
              : file.history.map((c) => <ChangeRow key={c.id} c={c} members={file.members} />)}
          </Collapse.Panel>
        </Collapse>
      </div>

      <ResidentSheet r={open} names={names} onClose={() => setOpen(null)} onCall={(x) => void call(x)} calling={!!open && busyId === open.id} />
      {dialog}
    </MobilePage>
  );
}

/** A value of the history as people read it: names for choices and tags, a member's name for the head, never a code or an id. */
function useChangeValue(members: Resident[]) {
  const { t } = useTranslation();
  return (f: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('mreg.common.none');
    if (f === 'tags' && Array.isArray(v)) return v.map((x) => tagName(t, String(x))).join('、') || t('mreg.common.none');
    if (f === 'relation') return t(`mreg.relations.${String(v)}`, { defaultValue: t('mreg.common.unknown') });
    if (f === 'residenceKind') return t(`mreg.residenceKinds.${String(v)}`, { defaultValue: t('mreg.common.unknown') });
    if (f === 'gender') return t(`mreg.resident.${String(v)}`, { defaultValue: t('mreg.common.unknown') });
    if (f === 'status') return t(`mreg.hazardStatus.${String(v)}`, { defaultValue: t('mreg.common.unknown') });
    if (f === 'partyMember' && typeof v === 'boolean') return v ? t('mreg.resident.party') : t('mreg.common.none');
    if (f === 'headResidentId') return members.find((m) => m.id === v)?.name ?? t('mreg.history.changed');
    // the ids of other records (a grid, a household) name nothing a reader knows: the field's name says what changed
    if (/Id$/.test(f) || typeof v === 'object') return t('mreg.history.changed');
    return String(v);
  };
}

/** One change: when, who, what (which member, or the household, or a hazard), the fields before and after (personal ones come masked). */
function ChangeRow({ c, members }: { c: Change; members: Resident[] }) {
  const { t, i18n } = useTranslation();
  const show = useChangeValue(members);
  const what = c.entityKind === 'resident' ? members.find((m) => m.id === c.entityId)?.name ?? t('mreg.history.kinds.resident')
    : t(`mreg.history.kinds.${c.entityKind}`);
  const created = c.before === null;
  const fields = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])]
    .filter((k) => i18n.exists(`mreg.fields.${k}`))
    // a grid's name says more than its id (a boundary change names both)
    .filter((k) => k !== 'gridId' || !(c.after && 'gridName' in c.after))
    // what a new record was given: its filled fields, without the ids that say where it was put
    .filter((k) => !created || (!/Id$/.test(k) || k === 'headResidentId') && ![null, undefined, ''].includes(c.after?.[k] as never));
  const at = new Date(c.at).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <div className="mr-change" data-testid="change">
      <div>
        <b>{t(`mreg.history.${c.action}`, { defaultValue: t('mreg.history.update') })}</b>
        {` · ${what}`}
        <span className="mc-hint"> · {at}{c.actorName ? ` · ${t('mreg.household.by', { name: c.actorName })}` : ''}</span>
      </div>
      {c.reason ? <div className="mr-diff">{reasonInWords(c.reason, i18n.language)}</div> : null}
      {fields.slice(0, 10).map((f) => (
        <div className="mr-diff" key={f}>
          {t('mreg.common.labelled', {
            label: t(`mreg.fields.${f}`),
            text: `${!created && c.before && f in c.before ? `${show(f, c.before[f])} → ` : ''}${show(f, c.after?.[f])}`,
          })}
        </div>
      ))}
    </div>
  );
}

// A resident on the phone: the coloured tags, the row of the search list and of a household's members, and the
// sheet that opens on a tap (tags, household link, call).
import { Button, Popup, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CallButton, canCall } from './call.tsx';
import { ageOn } from '../../../../domain/registry/tags.ts';
import { localToday } from './search-input.ts';
import { sortTags, tagColor, tagName } from './tags.ts';
import type { Resident, TagView } from './api.ts';

export type TagNames = ReadonlyMap<string, TagView>;

export function TagList({ codes, names, hidden = 0, max }: { codes: readonly string[]; names?: TagNames; hidden?: number; max?: number }) {
  const { t } = useTranslation();
  const sorted = sortTags(codes);
  const shown = max ? sorted.slice(0, max) : sorted;
  if (shown.length === 0 && hidden === 0) return null;
  return (
    <div className="mr-tags" data-testid="tags">
      {shown.map((c) => (
        <Tag key={c} color={tagColor(c)} fill="solid" data-tag={c}>{tagName(t, c, names?.get(c))}</Tag>
      ))}
      {sorted.length > shown.length ? <Tag color="default" fill="outline">+{sorted.length - shown.length}</Tag> : null}
    </div>
  );
}

export function genderAge(r: Pick<Resident, 'gender' | 'birthDate'>, t: (k: string, o?: Record<string, unknown>) => string): string {
  return `${t(`mreg.resident.${r.gender}`)} · ${t('mreg.resident.age', { age: ageOn(r.birthDate, localToday()) })}`;
}

function Avatar({ r }: { r: Pick<Resident, 'name' | 'gender'> }) {
  return <span className="mr-avatar" style={{ background: r.gender === 'female' ? '#e8604e' : '#2f7bd8' }}>{r.name.slice(-1)}</span>;
}

/** A resident as a row: name, gender and age, (relation), tags, masked ID number, address; 拨打 on the right. */
export function ResidentRow({ r, names, onOpen, onCall, calling, showAddress = true }: {
  r: Resident; names?: TagNames; onOpen(): void; onCall(r: Resident): void; calling: boolean; showAddress?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="mr-row" role="button" tabIndex={0} onClick={onOpen} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); }}
      data-testid="resident-row" data-id={r.id}>
      <Avatar r={r} />
      <div className="mr-row-main">
        <div className="mr-row-top">
          <span className="mr-name">{r.name}</span>
          <span className="mr-sub">{genderAge(r, t)}</span>
          {r.relation ? <Tag color={r.relation === 'head' ? 'primary' : 'default'} fill="outline">{t(`mreg.relations.${r.relation}`)}</Tag> : null}
        </div>
        <TagList codes={r.tags} names={names} hidden={r.hiddenTags} max={4} />
        <div className="mr-meta"><span className="mr-masked" data-testid="masked-id">{r.idNumber}</span></div>
        {showAddress ? <div className="mr-meta">{r.householdAddress ?? t('mreg.resident.noHousehold')}</div> : null}
      </div>
      <CallButton resident={r} onCall={(x) => onCall(x as Resident)} busy={calling} />
    </div>
  );
}

/** The resident sheet: who, tags, the masked ID number and phone, the household (a link to its file) and 拨打. */
export function ResidentSheet({ r, names, onClose, onCall, calling }: {
  r: Resident | null; names?: TagNames; onClose(): void; onCall(r: Resident): void; calling: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Popup visible={!!r} onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16 }} destroyOnClose>
      {r ? (
        <div className="mr-sheet" data-testid="resident-sheet" data-id={r.id}>
          <div className="mr-sheet-head">
            <Avatar r={r} />
            <div style={{ display: 'grid', gap: 2 }}>
              <span className="mr-name" style={{ fontSize: 20 }}>{r.name}</span>
              <span className="mr-sub">{genderAge(r, t)}{r.partyMember ? ` · ${t('mreg.resident.party')}` : ''}</span>
            </div>
          </div>
          <div>
            <div className="mc-hint" style={{ marginBottom: 4 }}>{t('mreg.resident.tags')}</div>
            {r.tags.length > 0 ? <TagList codes={r.tags} names={names} hidden={r.hiddenTags} /> : <span className="mr-sub">{t('mreg.resident.noTags')}</span>}
          </div>
          <dl className="mr-kv">
            <dt>{t('mreg.resident.idNumber')}</dt><dd className="mr-masked">{r.idNumber}</dd>
            <dt>{t('mreg.resident.phone')}</dt><dd className="mr-masked">{r.phone ?? t('mreg.resident.noPhone')}</dd>
            <dt>{t('mreg.resident.birthDate')}</dt><dd>{r.birthDate}</dd>
            <dt>{t('mreg.resident.grid')}</dt><dd>{r.gridName}</dd>
            <dt>{t('mreg.resident.household')}</dt>
            <dd>{r.householdId ? (
              <button type="button" className="mr-link" data-testid="sheet-household"
                onClick={() => { onClose(); navigate(`/m/registry/households/${r.householdId}`); }}>
                {r.householdAddress ?? t('mreg.resident.openHousehold')}
              </button>
            ) : t('mreg.resident.noHousehold')}</dd>
            {r.relation ? <><dt>{t('mreg.resident.relation')}</dt><dd>{t(`mreg.relations.${r.relation}`)}</dd></> : null}
            {r.note ? <><dt>{t('mreg.resident.note')}</dt><dd>{r.note}</dd></> : null}
          </dl>
          <div style={{ display: 'flex', gap: 10 }}>
            {r.householdId ? (
              <Button block style={{ flex: 1 }} onClick={() => { onClose(); navigate(`/m/registry/households/${r.householdId}`); }}>
                {t('mreg.resident.openHousehold')}
              </Button>
            ) : null}
            {canCall(r) ? (
              <div style={{ flex: 1, display: 'grid' }}><CallButton resident={r} onCall={(x) => onCall(x as Resident)} busy={calling} size="middle" /></div>
            ) : null}
          </div>
          {canCall(r) ? <div className="mc-hint" style={{ textAlign: 'center' }}>{t('mreg.call.audited')}</div> : null}
        </div>
      ) : null}
    </Popup>
  );
}

// Whom the grid worker can call about an alarm: the bound resident, or the members of the bound household with a phone
// on file. A tap reads the whole number (POST …/reveal, audited by the registry) and opens the dialler at once; a card
// stays with the number as a link for a browser that does not dial by itself.
import { useRef, useState } from 'react';
import { Button, CenterPopup, Toast } from 'antd-mobile';
import { PhoneFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { fetchHouseholdFile, fetchResident, revealPhone, type Resident } from '../../registry/mobile/api.ts';
import type { AlarmDetail } from './api.ts';

interface Callee { residentId: string; label: string; phone: string }

async function calleesOf(a: AlarmDetail, signal: AbortSignal): Promise<{ people: Resident[]; single: boolean }> {
  if (a.binding.kind === 'resident') {
    const r = await fetchResident(a.binding.id, signal);
    return { people: [r.resident], single: true };
  }
  if (a.binding.kind === 'household') {
    const f = await fetchHouseholdFile(a.binding.id, signal);
    return { people: f.members.filter((m) => !m.leftAt), single: false };
  }
  return { people: [], single: true };
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+-]/g, '')}`;

function dial(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function CallPanel({ alarm, who }: { alarm: AlarmDetail; who: string }) {
  const { t, i18n } = useTranslation();
  const found = useApi(alarm.binding.kind === 'place' ? null : (signal) => calleesOf(alarm, signal), [alarm.binding.kind, alarm.binding.id]);
  const [dialing, setDialing] = useState<{ label: string; phone: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const running = useRef(false);
  // a resident outside the caller's registry reach, or a record gone: no call button, the rest of the page stays
  const callees: Callee[] = (found.data?.people ?? [])
    .filter((r) => r.phone && r.policies.includes('revealPhone'))
    .map((r) => ({
      residentId: r.id, phone: r.phone!,
      label: found.data?.single ? who : t(`malarm.relations.${r.relation ?? 'other'}`),
    }));
  if (found.loading || !found.data) return null;
  if (callees.length === 0) return <div className="mc-hint" data-testid="alarm-no-phone">{t('malarm.detail.noPhone')}</div>;

  const call = async (c: Callee) => {
    if (running.current) return;
    running.current = true;
    setBusy(c.residentId);
    try {
      const phone = await revealPhone(c.residentId);
      if (!phone) { Toast.show({ content: t('malarm.detail.noPhone') }); return; }
      setDialing({ label: c.label, phone });
      dial(telHref(phone));
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return (
    <div className="ma-calls">
      {callees.map((c) => (
        <Button key={c.residentId} color="success" size="middle" loading={busy === c.residentId} data-testid="alarm-call"
          onClick={() => void call(c)}>
          <PhoneFilled /> {t('malarm.detail.callWhom', { name: c.label })} <span translate="no">{c.phone}</span>
        </Button>
      ))}
      <CenterPopup visible={!!dialing} onMaskClick={() => setDialing(null)} onClose={() => setDialing(null)} destroyOnClose>
        {dialing ? (
          <div className="ma-dial" data-testid="alarm-dialing">
            <div style={{ fontSize: 16, fontWeight: 600 }}>{t('malarm.detail.dialing', { name: dialing.label })}</div>
            <a href={telHref(dialing.phone)} translate="no">{dialing.phone}</a>
            <div className="mc-hint">{t('malarm.detail.dialHint')}</div>
            <div className="mc-hint">{t('malarm.detail.audited')}</div>
            <Button block onClick={() => setDialing(null)}>{t('malarm.detail.close')}</Button>
          </div>
        ) : null}
      </CenterPopup>
    </div>
  );
}

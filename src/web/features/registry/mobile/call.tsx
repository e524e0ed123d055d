// The one-tap call: a tap on 拨打 reads the resident's whole phone number (POST …/reveal, which the server audits)
// and opens the phone's dialler with it at once; a card stays open with the number as a link, for a browser that does
// not dial by itself.
import { useRef, useState, type ReactNode } from 'react';
import { Button, CenterPopup, Toast } from 'antd-mobile';
import { PhoneFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { revealPhone, type Resident } from './api.ts';

type Callee = Pick<Resident, 'id' | 'name' | 'phone' | 'policies'>;

/** A tel: address of a number as the server gives it (13812345678, 023-68123456): digits, + and dashes only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+-]/g, '')}`;
}

/** Opens the dialler: a link's click keeps the tap's user activation, which a browser asks of an app leaving the page. */
function dial(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function canCall(r: Callee): boolean {
  return !!r.phone && r.policies.includes('revealPhone');
}

export function useCall(): { call: (r: Callee) => Promise<void>; busyId: string | null; dialog: ReactNode } {
  const { t, i18n } = useTranslation();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [dialing, setDialing] = useState<{ name: string; phone: string } | null>(null);
  const running = useRef(false);

  const call = async (r: Callee) => {
    if (running.current) return;
    if (!r.phone) { Toast.show({ content: t('mreg.call.noPhone') }); return; }
    if (!r.policies.includes('revealPhone')) { Toast.show({ content: t('mreg.call.notAllowed') }); return; }
    running.current = true;
    setBusyId(r.id);
    try {
      const phone = await revealPhone(r.id);
      if (!phone) { Toast.show({ content: t('mreg.call.noPhone') }); return; }
      setDialing({ name: r.name, phone });
      dial(telHref(phone));
    } catch (e) {
      Toast.show({ icon: 'fail', content: t('mreg.common.labelled', { label: t('mreg.call.failed'), text: errorText(e, i18n.language) }) });
    } finally {
      running.current = false;
      setBusyId(null);
    }
  };

  const dialog = (
    <CenterPopup visible={!!dialing} onMaskClick={() => setDialing(null)} onClose={() => setDialing(null)} destroyOnClose>
      {dialing ? (
        <div className="mr-sheet mr-dial" data-testid="dialing">
          <div style={{ fontSize: 16, fontWeight: 600 }}>{t('mreg.call.dialing', { name: dialing.name })}</div>
          <a href={telHref(dialing.phone)} data-testid="tel-link" translate="no">{dialing.phone}</a>
          <div className="mc-hint">{t('mreg.call.dialHint')}</div>
          <div className="mc-hint">{t('mreg.call.audited')}</div>
          <Button block onClick={() => setDialing(null)}>{t('mreg.common.close')}</Button>
        </div>
      ) : null}
    </CenterPopup>
  );
  return { call, busyId, dialog };
}

export function CallButton({ resident, onCall, busy, size = 'small' }: { resident: Callee; onCall(r: Callee): void; busy: boolean; size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  if (!canCall(resident)) return null;
  return (
    <Button className="mr-call" color="success" size={size} loading={busy} data-testid="call" data-resident={resident.id}
      onClick={(e) => { e.stopPropagation(); onCall(resident); }}>
      <PhoneFilled /> {t('mreg.call.call')}
    </Button>
  );
}

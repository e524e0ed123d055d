// 案卷查询 (/m/track): the case number and the phone it was reported with → status, deadlines and the steps.
// Public: works without an account, as the anonymous 随手拍 promises.
import { useEffect, useState } from 'react';
import { Button, Input, NoticeBar } from 'antd-mobile';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { trackPublic, type PublicTrack } from '../api.ts';
import { Card, ClockList, MobilePage, StatusTag, TimelineSteps } from './ui.tsx';

const PHONE = /^1[3-9]\d{9}$/;

export function TrackPage() {
  const { t, i18n } = useTranslation();
  const { status } = useAuth();
  const location = useLocation();
  const initial = (location.state ?? {}) as { number?: string; phone?: string };
  const [number, setNumber] = useState(initial.number ?? '');
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<PublicTrack | null>(null);

  const query = async (n = number, p = phone) => {
    setError(null);
    if (!n.trim()) { setError(t('mcase.form.required', { fields: t('mcase.track.number') })); return; }
    if (!PHONE.test(p)) { setError(t('mcase.form.phoneInvalid')); return; }
    setBusy(true);
    try {
      setFound(await trackPublic(n.trim(), p));
    } catch (e) {
      setFound(null);
      setError(e instanceof ApiError && e.status === 404 ? t('mcase.track.notFound') : errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => { if (initial.number && initial.phone) void query(initial.number, initial.phone); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <MobilePage title={t('mcase.title.track')} back={status === 'signedIn' ? '/m' : '/m/public/report'} testId="track-page">
      <Card>
        <div className="mc-hint" style={{ marginBottom: 8 }}>{t('mcase.track.intro')}</div>
        <div style={{ display: 'grid', gap: 10 }}>
          <label>
            <div style={{ fontSize: 14, marginBottom: 4 }}>{t('mcase.track.number')}</div>
            <Input placeholder={t('mcase.track.numberPlaceholder')} value={number} onChange={setNumber} clearable data-testid="track-number"
              style={{ '--font-size': '16px', background: '#f7f8fa', borderRadius: 8, padding: '10px', boxSizing: 'border-box' }} />
          </label>
          <label>
            <div style={{ fontSize: 14, marginBottom: 4 }}>{t('mcase.track.phone')}</div>
            <Input type="tel" inputMode="numeric" maxLength={11} value={phone} onChange={(v) => setPhone(v.replace(/\D/g, ''))} clearable data-testid="track-phone"
              style={{ '--font-size': '16px', background: '#f7f8fa', borderRadius: 8, padding: '10px', boxSizing: 'border-box' }} />
          </label>
          <Button color="danger" size="large" block loading={busy} onClick={() => void query()} data-testid="track-submit" style={{ borderRadius: 24 }}>
            {t('mcase.track.query')}
          </Button>
        </div>
      </Card>
      {error ? <NoticeBar content={error} color="error" wrap data-testid="track-error" /> : null}
      {found ? (
        <>
          <section className="mc-card" data-testid="track-result">
            <div className="mc-card-body" style={{ paddingTop: 14, display: 'grid', gap: 8 }}>
              <div className="mc-case-top"><span className="mc-case-cat">{found.categoryName}</span><StatusTag status={found.status} big /></div>
              <div className="mc-number" style={{ fontSize: 18 }}>{found.number}</div>
              <div className="mc-case-desc" style={{ WebkitLineClamp: 4 }}>{found.description}</div>
              {found.satisfaction ? <div className="mc-hint">{t('mcase.detail.satisfaction')}：{t(`mcase.satisfaction.${found.satisfaction.score}`)}</div> : null}
            </div>
          </section>
          <Card title={t('mcase.detail.deadlines')}><ClockList deadlines={found.deadlines} /></Card>
          <Card title={t('mcase.track.steps')}><TimelineSteps entries={found.timeline.map((e) => ({ ...e, actor: '' }))} /></Card>
        </>
      ) : null}
    </MobilePage>
  );
}

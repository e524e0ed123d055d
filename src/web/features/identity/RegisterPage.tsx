// 居民注册 (/m/register): a resident signs up on the phone with a mobile number and the code sent to it, a name and a
// password, and the home address: a grid found by name (the address search) and/or the home put on the map of its
// community. The server places the account in the grid holding the pin (or the grid picked) and signs it in.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, List, NoticeBar, SearchBar } from 'antd-mobile';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import inside from 'point-in-polygon-hao';
import type { Geometry, Position } from 'geojson';
import { isMobileNumber } from '../../../domain/identity/phone-verification.ts';
import { checkPasswordPolicy } from '../../../domain/identity/password-policy.ts';
import { errorText, tokenStore } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useAuth } from '../../app/auth.tsx';
import { labelPoint, shortGridName } from '../../ui/map/geometry.ts';
import { fetchPublicGridMap, type UnitFeatures } from '../org/api.ts';
import { newIdempotencyKey, type LngLat } from '../cases/api.ts';
import { Card, MobilePage, PositionField } from '../cases/public.ts';
import { askRegistrationCode, registerResident, searchRegistrationGrids, type GridMatch } from './api.ts';
import './register-locales.ts';

const ADDRESS_MAX = 200;

/** The grid of the loaded community map that holds the point, if any. */
function gridAt(features: UnitFeatures | null, at: LngLat | null): { id: string; name: string } | null {
  if (!features || !at) return null;
  for (const f of features.features) {
    if (f.properties.level !== 'grid' && f.properties.level !== 'dedicatedGrid') continue;
    const g = f.geometry as Geometry | null;
    const polys: Position[][][] = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    if (polys.some((rings) => inside([at.lng, at.lat], rings) !== false)) return { id: f.properties.id, name: f.properties.name };
  }
  return null;
}

function useCountdown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { status, refresh } = useAuth();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useCountdown();
  const [sending, setSending] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<GridMatch | null>(null);
  const [position, setPosition] = useState<LngLat | null>(null);
  const [mapAt, setMapAt] = useState<LngLat | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const attemptKey = useRef<string | null>(null);

  const matches = useApi(q.trim() ? (signal) => searchRegistrationGrids(q.trim(), signal) : null, [q]);
  const map = useApi(mapAt ? (signal) => fetchPublicGridMap(mapAt, signal).catch(() => null) : null, [mapAt?.lng, mapAt?.lat]);
  const features = map.data ?? null;
  const pinGrid = useMemo(() => gridAt(features, position), [features, position]);
  const community = features?.features.find((f) => f.properties.level === 'community')?.properties.name;
  // the pin's grid once the community's map is there; the grid picked until then (or when no map could be loaded)
  const homeGrid = pinGrid ?? (picked && !features ? picked : null);

  // a pin outside the community on the map loads the community around it
  useEffect(() => {
    if (position && !map.loading && !pinGrid && (mapAt?.lng !== position.lng || mapAt?.lat !== position.lat)) setMapAt(position);
  }, [position, pinGrid, map.loading]); // eslint-disable-line react-hooks/exhaustive-deps

  if (status === 'signedIn') return <Navigate to="/m" replace />;

  const pick = (g: GridMatch) => {
    const at = labelPoint(g.geometry);
    setPicked(g);
    setQ('');
    if (at) { setPosition({ lng: at[0], lat: at[1] }); setMapAt({ lng: at[0], lat: at[1] }); }
  };

  const sendCode = async () => {
    setError(null);
    if (!isMobileNumber(phone)) { setError(t('register.phone.invalid')); return; }
    setSending(true);
    try {
      const sent = await askRegistrationCode(phone);
      setSentTo(phone);
      setWait(sent.resendAfterSeconds);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    setError(null);
    const missing = [
      !isMobileNumber(phone) && t('register.phone.title'), code.length !== 6 && t('register.phone.code'), !name.trim() && t('register.person.name'),
      !password && t('register.person.password'), !homeGrid && t('register.home.grid'), !address.trim() && t('register.home.address'),
    ].filter(Boolean) as string[];
    if (missing.length) { setError(t('register.required', { fields: missing.join('、') })); return; }
    const weak = checkPasswordPolicy(password);
    if (weak) { setError(t(`register.person.${weak}`)); return; }
    if (password !== confirm) { setError(t('register.person.mismatch')); return; }
    attemptKey.current ??= newIdempotencyKey();
    setSubmitting(true);
    try {
      const done = await registerResident({
        phone, code, name: name.trim(), password, address: address.trim(),
        ...(pinGrid && position ? { location: position } : { gridId: homeGrid!.id }),
      }, attemptKey.current);
      tokenStore.set(done.token);
      await refresh();
      navigate('/m', { replace: true });
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <MobilePage title={t('register.title')} back="/login" testId="register-page"
      footer={<Button color="primary" size="large" loading={submitting} onClick={() => void submit()} data-testid="register-submit">{t('register.submit')}</Button>}>
      <NoticeBar content={t('register.intro')} color="info" wrap style={{ borderRadius: 10 }} />
      <Card title={t('register.phone.title')} required>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Input type="tel" inputMode="numeric" placeholder={t('register.phone.placeholder')} value={phone} maxLength={11} clearable
            onChange={(v) => { setPhone(v.replace(/\D/g, '')); attemptKey.current = null; }} data-testid="register-phone" style={{ '--font-size': '17px', flex: 1 }} />
          <Button size="small" color="primary" fill="outline" disabled={wait > 0} loading={sending} onClick={() => void sendCode()} data-testid="register-send-code">
            {wait > 0 ? t('register.phone.resend', { s: wait }) : t('register.phone.send')}
          </Button>
        </div>
        <Input inputMode="numeric" placeholder={t('register.phone.codePlaceholder')} value={code} maxLength={6} clearable autoComplete="one-time-code"
          onChange={(v) => setCode(v.replace(/\D/g, ''))} data-testid="register-code" style={{ '--font-size': '17px', marginTop: 10 }} />
        {sentTo ? <div className="mc-hint" style={{ marginTop: 6 }} data-testid="register-code-sent">{t('register.phone.sent', { phone: `${sentTo.slice(0, 3)}****${sentTo.slice(-4)}` })}</div> : null}
      </Card>
      <Card title={t('register.person.title')} required>
        <Input placeholder={t('register.person.namePlaceholder')} value={name} onChange={setName} maxLength={40} clearable data-testid="register-name" style={{ '--font-size': '16px' }} />
        <Input type="password" placeholder={t('register.person.passwordPlaceholder')} value={password} onChange={setPassword} maxLength={128} autoComplete="new-password"
          data-testid="register-password" style={{ '--font-size': '16px', marginTop: 10 }} />
        <Input type="password" placeholder={t('register.person.confirmPlaceholder')} value={confirm} onChange={setConfirm} maxLength={128} autoComplete="new-password"
          data-testid="register-confirm" style={{ '--font-size': '16px', marginTop: 10 }} />
      </Card>
      <Card title={t('register.home.title')} required>
        <SearchBar placeholder={t('register.home.search')} value={q} onChange={setQ} data-testid="register-search" />
        {q.trim() && matches.data ? (
          matches.data.items.length ? (
            <List style={{ '--border-top': 'none', marginTop: 6 }} data-testid="register-matches">
              {matches.data.items.map((g) => (
                <List.Item key={g.id} onClick={() => pick(g)} description={[g.townName, g.communityName].filter(Boolean).join(' · ')} data-testid="register-match">
                  {shortGridName(g.name, g.communityName ?? undefined)}
                </List.Item>
              ))}
            </List>
          ) : <div className="mc-hint" style={{ marginTop: 6 }}>{t('register.home.noMatch')}</div>
        ) : null}
        <div style={{ marginTop: 10 }}>
          <PositionField features={features} lookup={false} value={position} onChange={(at) => { setPosition(at); attemptKey.current = null; }} />
        </div>
        <div className="mc-hint" style={{ marginTop: 4 }}>{t('register.home.pinHint')}</div>
        <div className="mc-loc-line" data-testid="register-grid-line">
          <span className="mc-hint">{t('register.home.grid')}：</span>
          {homeGrid ? <strong data-testid="register-grid">{community && !homeGrid.name.startsWith(community) ? `${community} · ` : ''}{homeGrid.name}</strong>
            : <span className={position && features ? 'mc-error' : 'mc-hint'}>{position && features ? t('register.home.outside') : t('register.home.none')}</span>}
        </div>
        <Input placeholder={t('register.home.addressPlaceholder')} value={address} onChange={setAddress} maxLength={ADDRESS_MAX} clearable data-testid="register-address"
          style={{ '--font-size': '15px', marginTop: 10, background: '#f7f8fa', borderRadius: 8, padding: '8px 10px', boxSizing: 'border-box' }} />
      </Card>
      {error ? <NoticeBar content={error} color="error" wrap data-testid="register-error" /> : null}
      <div style={{ textAlign: 'center' }}><Link to="/login" style={{ color: '#2f7bd8' }}>{t('register.haveAccount')}</Link></div>
    </MobilePage>
  );
}

// 随手拍（免登录） (/m/public/report): a resident without an account reports with a mobile number, then tracks
// the case by its number and that number. Photos go to the public upload (limited per address); the map opens on the
// default town with the pin in its middle (and a place search); the server locates the point and refuses one outside every grid.
import { useRef, useState } from 'react';
import { Button, Input, NoticeBar, Result, type ImageUploadItem } from 'antd-mobile';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { newIdempotencyKey, reportPublic, uploadPublicPhoto, type LngLat, type PublicReceipt } from '../api.ts';
import { DescriptionAndPhotos } from './DescriptionAndPhotos.tsx';
import { hashesOf } from './photos.ts';
import { CategoryPicker, PositionField, type CategoryOption } from './fields.tsx';
import { PUBLIC_CATEGORIES } from './public-categories.ts';
import { RoutingNotice } from './RoutingNotice.tsx';
import { Card, MobilePage, SimilarNearbyNotice, StatusTag } from './ui.tsx';

const PHONE = /^1[3-9]\d{9}$/;

export function PublicReportPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [category, setCategory] = useState<CategoryOption | null>(null);
  const [description, setDescription] = useState('');
  const [position, setPosition] = useState<LngLat | null>(null);
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  const attemptKey = useRef<string | null>(null);
  const changed = <T,>(set: (v: T) => void) => (v: T) => { attemptKey.current = null; set(v); };

  const submit = async () => {
    setError(null);
    const missing = [
      !category && t('mcase.form.category'), !description.trim() && t('mcase.form.description'),
      !position && t('mcase.form.location'), !phone && t('mcase.form.phone'),
    ].filter(Boolean) as string[];
    if (missing.length) { setError(t('mcase.form.required', { fields: missing.join('、') })); return; }
    if (!PHONE.test(phone)) { setError(t('mcase.form.phoneInvalid')); return; }
    attemptKey.current ??= newIdempotencyKey();
    setSubmitting(true);
    try {
      const r = await reportPublic({
        categoryCode: category!.code, description: description.trim(), location: position!,
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(photos.length ? { photos: hashesOf(photos) } : {}),
        reporter: { phone, ...(name.trim() ? { name: name.trim() } : {}) },
      }, attemptKey.current);
      attemptKey.current = null;
      setReceipt(r);
      window.scrollTo(0, 0);
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'CATEGORY_UNKNOWN' ? t('mcase.public.categoryUnknown') : errorText(e, i18n.language));
    } finally {
      setSubmitting(false);
    }
  };

  if (receipt) {
    return (
      <MobilePage title={t('mcase.title.result')} back="/login" testId="public-result"
        footer={<>
          <Button size="large" onClick={() => { setReceipt(null); setCategory(null); setDescription(''); setAddress(''); setPhotos([]); }}>{t('mcase.result.another')}</Button>
          <Button size="large" color="danger" onClick={() => navigate('/m/track', { state: { number: receipt.number, phone } })}>{t('mcase.result.track')}</Button>
        </>}>
        <section className="mc-card">
          <Result status="success" title={t('mcase.title.result')} description={t('mcase.result.saveNumber')} style={{ paddingBottom: 8 }} />
          <div className="mc-card-body" style={{ display: 'grid', gap: 12 }}>
            <div className="mc-number mc-number-big" data-testid="case-number">{receipt.number}</div>
            <dl className="mc-kv">
              <dt>{t('mcase.result.status')}</dt><dd><StatusTag status={receipt.status} /></dd>
              <dt>{t('mcase.form.phone')}</dt><dd>{`${phone.slice(0, 3)}****${phone.slice(-4)}`}</dd>
            </dl>
          </div>
        </section>
        <SimilarNearbyNotice similar={receipt.similarNearby} />
      </MobilePage>
    );
  }

  return (
    <MobilePage title={t('mcase.title.publicReport')} back="/login" testId="public-report-page"
      right={<Link to="/login" style={{ color: '#fff', fontSize: 14 }}>{t('mcase.common.signIn')}</Link>}
      footer={<Button color="danger" size="large" loading={submitting} disabled={uploading > 0} onClick={() => void submit()} data-testid="public-submit">
        {uploading > 0 ? t('mcase.form.uploading') : t('mcase.form.submit')}
      </Button>}>
      <NoticeBar content={t('mcase.public.intro')} color="info" wrap style={{ borderRadius: 10 }} />
      <Card title={t('mcase.form.category')} required>
        <CategoryPicker options={[...PUBLIC_CATEGORIES]} value={category} onChange={changed(setCategory)} />
      </Card>
      <DescriptionAndPhotos description={description} onDescription={changed(setDescription)} photos={photos} onPhotos={changed(setPhotos)}
        onUploading={setUploading} send={uploadPublicPhoto} />
      <Card title={t('mcase.form.location')} required>
        <PositionField anonymous lookup={false} value={position} onChange={changed(setPosition)} />
        <Input placeholder={t('mcase.form.addressPlaceholder')} value={address} onChange={changed(setAddress)} maxLength={CASE_LIMITS.address} clearable
          style={{ '--font-size': '15px', marginTop: 10, background: '#f7f8fa', borderRadius: 8, padding: '8px 10px', boxSizing: 'border-box' }} />
      </Card>
      <RoutingNotice categoryCode={category?.code ?? null} at={position} anonymous />
      <Card title={t('mcase.form.phone')} required>
        <Input type="tel" inputMode="numeric" placeholder={t('mcase.form.phonePlaceholder')} value={phone} maxLength={11} clearable
          onChange={changed((v: string) => setPhone(v.replace(/\D/g, '')))} data-testid="phone" style={{ '--font-size': '17px', minHeight: 40 }} />
        {phone.length === 11 && !PHONE.test(phone) ? <div className="mc-error">{t('mcase.form.phoneInvalid')}</div> : null}
        <Input placeholder={`${t('mcase.form.name')}（${t('mcase.form.namePlaceholder')}）`} value={name} onChange={changed(setName)} maxLength={CASE_LIMITS.reporterName}
          style={{ '--font-size': '15px', marginTop: 8, minHeight: 36 }} />
      </Card>
      {error ? <NoticeBar content={error} color="error" wrap data-testid="report-error" /> : null}
      <div style={{ textAlign: 'center' }}><Link to="/m/track" style={{ color: '#2f7bd8' }}>{t('mcase.public.trackLink')}</Link></div>
    </MobilePage>
  );
}

// 新建执法案件: from a case of the loop (?caseId=: its place and grid; the matters that enforce its category) or on
// patrol (a point on the map). The officer picks the matter, fills in its facts (the form comes from the matter's
// FactDefs), the subject and what happened, adds photos; the band the facts fall in shows beside the form as they
// change. Submitting opens the case (Idempotency-Key, kept across retries) and adds the photos as evidence.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Facts, SubjectKind } from '../../../shared/enforcement.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PinMap } from '../../ui/map/PinMap.tsx';
import { plainColours } from '../../ui/map/palette.ts';
import type { Bounds } from '../../ui/map/geometry.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useMapLook, usePlaceArea } from '../maps/public.ts';
import { caseAction, fetchLoopCase, listMatters, newIdempotencyKey, openCase, type Location, type Matter, type SubjectInput } from './api.ts';
import { BandPreview, EvidencePhotos, FactsFields, type PhotoState } from './facts.tsx';
import { SourceTag } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

interface SubjectForm { kind: SubjectKind; name: string; idNumber: string; phone: string; address: string; creditCode: string }
const NO_SUBJECT: SubjectForm = { kind: 'person', name: '', idNumber: '', phone: '', address: '', creditCode: '' };

export function NewCasePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const loopCaseId = params.get('caseId');
  const loop = useApi(loopCaseId ? (signal) => fetchLoopCase(loopCaseId, signal) : null, [loopCaseId]);
  const category = loop.data?.categoryCode;
  const matters = useApi(!loopCaseId || category ? (signal) => listMatters(category ? { loopCategoryCode: category } : {}, signal) : null, [loopCaseId, category]);
  const [matterCode, setMatterCode] = useState<string | undefined>();
  const [facts, setFacts] = useState<Facts>({});
  const [subject, setSubject] = useState<SubjectForm>(NO_SUBJECT);
  const [description, setDescription] = useState('');
  const [at, setAt] = useState<Location | null>(null);
  const [photos, setPhotos] = useState<PhotoState>({ hashes: [], uploading: false });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  const items = matters.data?.items ?? [];
  // from a loop case, the one matter that enforces its category is chosen at once
  useEffect(() => { if (!matterCode && loopCaseId && items.length === 1) setMatterCode(items[0]!.code); }, [items, loopCaseId, matterCode]);
  const matter: Matter | null = items.find((m) => m.code === matterCode) ?? null;
  const pickMatter = (code?: string) => { setMatterCode(code); setFacts({}); };
  // the loop case's description starts the officer's own
  useEffect(() => { if (loop.data && !description) setDescription(loop.data.description); }, [loop.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const missing = [
    !matter ? t('enf.create.matter') : null,
    !subject.name.trim() ? t('enf.create.subjectName') : null,
    !description.trim() ? t('enf.create.description') : null,
    !loopCaseId && !at ? t('enf.create.location') : null,
  ].filter((x): x is string => !!x);

  const submit = async () => {
    setTouched(true);
    setError(null);
    if (missing.length || !matter) return;
    setBusy(true);
    const s: SubjectInput = {
      kind: subject.kind, name: subject.name.trim(),
      ...(subject.kind === 'person' && subject.idNumber.trim() ? { idNumber: subject.idNumber.trim() } : {}),
      ...(subject.phone.trim() ? { phone: subject.phone.trim() } : {}),
      ...(subject.address.trim() ? { address: subject.address.trim() } : {}),
      ...(subject.kind === 'firm' && subject.creditCode.trim() ? { creditCode: subject.creditCode.trim().toUpperCase() } : {}),
    };
    try {
      const opened = await openCase({
        matterCode: matter.code, facts, subject: s, description: description.trim(),
        ...(loopCaseId ? { caseId: loopCaseId } : { location: at! }),
      }, key.current);
      for (const [i, hash] of photos.hashes.entries()) {
        await caseAction(opened.id, 'add-evidence', { kind: 'photo', fileHash: hash }, `${key.current}-photo-${i}`);
      }
      message.success(t('enf.create.created', { number: opened.number }));
      navigate(`/enforcement/cases/${opened.id}`, { replace: true });
    } catch (e) {
      setError(errorText(e, i18n.language));
      setBusy(false);
    }
  };

  if (loop.error) return <div className="zz-page"><ErrorState error={loop.error} onRetry={loop.reload} /></div>;
  return (
    <div className="zz-page" data-testid="enf-new-page">
      <PageHeader title={t('enf.create.title')} subtitle={t('enf.create.subtitle')} extra={<Button onClick={() => navigate(-1)}>{t('enf.back')}</Button>} />
      {loop.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="enf-from-case"
          title={<span>{t('enf.create.fromCase', { number: loop.data.number })} · {loop.data.categoryName} · {loop.data.address ?? ''}</span>}
          description={t('enf.create.fromCaseHint')} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Form layout="vertical" component="div">
            <Card size="small" title={t('enf.create.matter')} style={{ marginBottom: 12 }}>
              <Select
                showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} placeholder={t('enf.create.matterHint')} value={matterCode} onChange={pickMatter}
                loading={matters.loading} data-testid="enf-matter" status={touched && !matter ? 'error' : undefined}
                options={items.map((m) => ({ value: m.code, label: m.name, m }))}
                optionRender={(o) => <Space size={6}><SourceTag source={(o.data as { m: Matter }).m.source} /><span>{o.label}</span></Space>}
              />
              {matter ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{matter.penaltyBasis.law}{matter.penaltyBasis.article}{matter.delegatedBy ? ` · ${matter.delegatedBy}` : ''}</Typography.Paragraph> : null}
            </Card>
            {matter ? (
              <Card size="small" title={t('enf.create.facts')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enf.create.factsHint')}</Typography.Text>} style={{ marginBottom: 12 }}>
                <FactsFields defs={matter.facts} value={facts} onChange={setFacts} />
              </Card>
            ) : null}
            <Card size="small" title={t('enf.create.subject')} style={{ marginBottom: 12 }}>
              <SubjectFields value={subject} onChange={setSubject} touched={touched} />
            </Card>
            <Card size="small" title={t('enf.create.description')} style={{ marginBottom: 12 }}>
              <Input.TextArea rows={3} maxLength={2000} showCount value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t('enf.create.descriptionHint')}
                status={touched && !description.trim() ? 'error' : undefined} data-testid="enf-description" />
            </Card>
            {!loopCaseId ? (
              <Card size="small" title={t('enf.create.location')} style={{ marginBottom: 12 }}>
                <PointPicker value={at} onChange={setAt} />
              </Card>
            ) : null}
            <Card size="small" title={t('enf.create.evidence')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enf.create.evidenceHint')}</Typography.Text>} style={{ marginBottom: 12 }}>
              <EvidencePhotos onChange={setPhotos} />
            </Card>
          </Form>
        </Col>
        <Col xs={24} lg={9}>
          <div className="enf-sticky">
            <BandPreview matter={matter} facts={facts} />
            {touched && missing.length ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={missing.map((f) => t('enf.required', { field: f })).join('；')} data-testid="enf-missing" /> : null}
            {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="enf-error" /> : null}
            <Button type="primary" size="large" block style={{ marginTop: 12 }} loading={busy} disabled={photos.uploading} onClick={() => void submit()} data-testid="enf-submit">
              {t('enf.create.submit')}
            </Button>
          </div>
        </Col>
      </Row>
    </div>
  );
}

function SubjectFields({ value, onChange, touched }: { value: SubjectForm; onChange(v: SubjectForm): void; touched: boolean }) {
  const { t } = useTranslation();
  const set = (patch: Partial<SubjectForm>) => onChange({ ...value, ...patch });
  return (
    <div className="enf-subject">
      <Segmented<SubjectKind> value={value.kind} onChange={(kind) => set({ kind })} data-testid="enf-subject-kind"
        options={[{ value: 'person', label: t('enf.subjectKinds.person') }, { value: 'firm', label: t('enf.subjectKinds.firm') }]} />
      <div className="enf-subject-grid">
        <label>{t('enf.create.subjectName')}<Input value={value.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} status={touched && !value.name.trim() ? 'error' : undefined} data-testid="enf-subject-name" /></label>
        {value.kind === 'person'
          ? <label>{t('enf.create.idNumber')}<Input value={value.idNumber} onChange={(e) => set({ idNumber: e.target.value })} maxLength={18} data-testid="enf-subject-id" /></label>
          : <label>{t('enf.create.creditCode')}<Input value={value.creditCode} onChange={(e) => set({ creditCode: e.target.value })} maxLength={18} data-testid="enf-subject-credit" /></label>}
        <label>{t('enf.create.phone')}<Input value={value.phone} onChange={(e) => set({ phone: e.target.value })} maxLength={20} data-testid="enf-subject-phone" /></label>
        <label>{t('enf.create.address')}<Input value={value.address} onChange={(e) => set({ address: e.target.value })} maxLength={200} data-testid="enf-subject-address" /></label>
      </div>
    </div>
  );
}

/** A point on the town's map (patrol): click or drag the pin. */
function PointPicker({ value, onChange }: { value: Location | null; onChange(v: Location): void }) {
  const { t } = useTranslation();
  const { area } = usePlaceArea(false);
  const look = useMapLook();
  const plain = useMemo(() => (area ? plainColours(area.units, '#b9cbe2') : null), [area]);
  if (!area || !plain) return <div className="enf-map" style={{ display: 'grid', placeItems: 'center' }}><Spin /></div>;
  return (
    <PinMap look={look} units={plain} position={value} focus={area.focus?.bounds as Bounds | undefined} onMove={onChange} navigation padding={30} className="enf-map" testId="enf-point-picker">
      <div className="enf-pick-hint">{value ? `${value.lng.toFixed(6)}, ${value.lat.toFixed(6)}` : t('enf.create.locationHint')}</div>
    </PinMap>
  );
}

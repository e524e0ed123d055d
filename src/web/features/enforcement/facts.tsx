// The facts form of a matter, generated from its FactDefs (yes/no, a number with its unit, one of named options), and
// the band the facts place the case in, computed in the browser by the same pure rule the server applies
// (domain/enforcement proposeBenchmark), so the officer sees it change as the facts change; the server decides on submit.
import { useState } from 'react';
import { Alert, Card, InputNumber, Radio, Select, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { proposeBenchmark, type MatterRules } from '../../../domain/enforcement/benchmarks.ts';
import type { FactDef, Facts, FactValue } from '../../../shared/enforcement.ts';
import { errorText } from '../../lib/api.ts';
import { uploadPhoto } from './api.ts';
import { bandText } from './parts.tsx';

interface FactsFieldsProps { defs: FactDef[]; value: Facts; onChange(v: Facts): void; testId?: string }

/** One row per fact: its label, the input of its kind, the unit or hint beside it. */
export function FactsFields({ defs, value, onChange, testId = 'enf-facts' }: FactsFieldsProps) {
  const { t } = useTranslation();
  const set = (key: string, v: FactValue | null | undefined) => {
    const next = { ...value };
    if (v === null || v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <div className="enf-facts" data-testid={testId}>
      {defs.map((f) => (
        <div key={f.key} className="enf-fact" data-testid="enf-fact" data-key={f.key}>
          <div className="enf-fact-label">
            {f.optional ? null : <span className="enf-req">*</span>}{f.label}
            {f.hint ? <Typography.Text type="secondary" className="enf-fact-hint">{f.hint}</Typography.Text> : null}
          </div>
          <div data-testid={`fact-${f.key}`}>
          {f.kind === 'boolean' ? (
            <Radio.Group
              optionType="button" buttonStyle="solid" value={value[f.key]} onChange={(e) => set(f.key, e.target.value as boolean)}
              options={[{ value: true, label: t('enf.yes') }, { value: false, label: t('enf.no') }]}
            />
          ) : f.kind === 'number' ? (
            <InputNumber<number>
              min={f.min} max={f.max} value={typeof value[f.key] === 'number' ? (value[f.key] as number) : null} suffix={f.unit} style={{ width: 180 }}
              onChange={(v) => set(f.key, v)}
            />
          ) : f.options.length <= 4 ? (
            <Radio.Group
              optionType="button" buttonStyle="solid" value={value[f.key]} onChange={(e) => set(f.key, e.target.value as string)}
              options={f.options.map((o) => ({ value: o.value, label: o.label }))}
            />
          ) : (
            <Select
              allowClear style={{ width: 240 }} value={value[f.key] as string | undefined} placeholder={t('enf.create.choose')} onChange={(v?: string) => set(f.key, v)}
              options={f.options.map((o) => ({ value: o.value, label: o.label }))}
            />
          )}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The band the facts place the case in, or what is still missing / wrong, as the officer types. */
export function BandPreview({ matter, facts, title }: { matter: MatterRules | null; facts: Facts; title?: string }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const p = matter ? proposeBenchmark(matter, facts) : null;
  return (
    <Card size="small" title={title ?? t('enf.band.proposed')} className="enf-band" data-testid="enf-band-preview" data-ok={String(!!p?.ok)} data-benchmark={p?.ok ? p.benchmark.key : ''}>
      {!p ? <Typography.Text type="secondary">{t('enf.band.waiting')}</Typography.Text>
        : p.ok ? (
          <Space orientation="vertical" size={4}>
            <Space size={6}><Tag color="red" className="enf-band-name" data-testid="enf-band-name">{p.benchmark.name}</Tag><strong data-testid="enf-band-penalty">{bandText(t, p.benchmark.penalty)}</strong></Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.benchmark.description}</Typography.Text>
          </Space>
        ) : p.code === 'ENFORCEMENT_FACT_MISSING' ? (
          <Alert type="info" showIcon title={t('enf.band.missing', { facts: p.missing.map((f) => f.label).join('、') })} data-testid="enf-band-missing" />
        ) : p.code === 'ENFORCEMENT_INVALID' ? (
          <Alert type="warning" showIcon title={t('enf.band.invalid', { reasons: (zh ? p.reasons : p.reasonsEn).join('；') })} />
        ) : <Alert type="warning" showIcon title={t('enf.band.noMatch')} />}
    </Card>
  );
}

export interface PhotoState { hashes: string[]; uploading: boolean }

/** Photos picked go to POST /api/files at once; the value is their hashes and whether one is still on its way. */
export function EvidencePhotos({ onChange, max = 6 }: { onChange(v: PhotoState): void; max?: number }) {
  const { t, i18n } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const changed = (list: UploadFile[]) => {
    setFiles(list);
    onChange({
      hashes: list.flatMap((f) => (f.status === 'done' && typeof f.response?.hash === 'string' ? [f.response.hash as string] : [])),
      uploading: list.some((f) => f.status === 'uploading'),
    });
  };
  return (
    <Upload
      accept="image/*" listType="picture-card" multiple fileList={files} maxCount={max} data-testid="enf-photos"
      onChange={({ fileList }) => changed(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as Blob).then((res) => onSuccess?.(res), (e: unknown) => onError?.(new Error(errorText(e, i18n.language))));
      }}
    >
      {files.length < max ? <div><PlusOutlined /><div style={{ marginTop: 6 }}>{t('enf.dialogs.upload')}</div></div> : null}
    </Upload>
  );
}

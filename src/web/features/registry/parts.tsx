// Small pieces the registry pages share: the grid picker (grids the reader reaches), a masked number with its audited
// 查看, the API's refusals put on the form's fields, and labels of the registry's enums.
import { useState } from 'react';
import { App, Button, Select, Space, Tag, Tooltip } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import { api, ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import type * as org from '../../../server/org/schemas.ts';
import { LABELS, type Label } from '../../../domain/registry/columns.ts';
import './locales.ts';

type LabelledEnum = 'gender' | 'relation' | 'residenceKind' | 'placeKind' | 'thingKind' | 'riskLevel';
type EnumName = LabelledEnum | 'importMode' | 'importStatus' | 'inspectionResult' | 'hazardStatus' | 'leaveReason';
const LABELLED: ReadonlySet<string> = new Set<LabelledEnum>(['gender', 'relation', 'residenceKind', 'placeKind', 'thingKind', 'riskLevel']);

/**
 * The name of an enum value in the reader's language ('—' for none): the registry's choices in the words of LABELS,
 * the same the templates, imports and exports use; the page's own (import status, hazard status …) from the locales.
 */
export function useEnumLabel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (name: EnumName, value: string | null | undefined) => {
    if (!value) return '—';
    if (LABELLED.has(name)) {
      const l = (LABELS[name as LabelledEnum] as Record<string, Label>)[value];
      return l ? (en ? l.en : l.zh) : '—';
    }
    return t(`registry.enums.${name}.${value}`);
  };
}

/** Options of an enum's Select, by name. */
export function useEnumOptions() {
  const label = useEnumLabel();
  return (name: EnumName, values: readonly string[]) => values.map((v) => ({ value: v, label: label(name, v) }));
}

export const RISK_COLOURS: Record<string, string> = { low: 'green', medium: 'gold', high: 'orange', major: 'red' };

export function RiskTag({ level }: { level: string }) {
  const label = useEnumLabel();
  return <Tag color={RISK_COLOURS[level]} data-risk={level} style={{ marginInlineEnd: 0 }}>{label('riskLevel', level)}</Tag>;
}

/** Grids the reader reaches, searched by name on the server (a city's admin reaches thousands). */
export function GridSelect({ value, onChange, style, allowClear = true, placeholder, testId }: {
  value?: string; onChange?: (v: string | undefined) => void; style?: React.CSSProperties; allowClear?: boolean; placeholder?: string; testId?: string;
}) {
  const [q, setQ] = useState('');
  const units = useApi((signal) => api<Static<typeof org.UnitList>>('/api/org-units', { query: { level: 'grid', q: q || undefined, limit: 50 }, signal }), [q]);
  return (
    <Select
      allowClear={allowClear} value={value} onChange={(v) => onChange?.(v ?? undefined)} style={style} placeholder={placeholder} data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQ }} loading={units.loading}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/**
 * A phone or ID number as lists show it (masked); 查看 asks the server for the whole number when the record's
 * `policies` allow it — each such read is written to the audit log, which the tag beside the number says.
 */
export function MaskedValue({ masked, canReveal, reveal, testId }: {
  masked: string | null; canReveal: boolean; reveal: () => Promise<{ value: string | null }>; testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [whole, setWhole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!masked) return <span className="zz-muted">—</span>;
  if (whole) {
    return (
      <Space size={4} data-testid={testId} data-revealed="true">
        <span translate="no">{whole}</span>
        <Tooltip title={t('registry.revealed')}><Tag icon={<SafetyCertificateOutlined />} color="gold" style={{ marginInlineEnd: 0 }}>{t('registry.audited')}</Tag></Tooltip>
      </Space>
    );
  }
  const open = async () => {
    setBusy(true);
    try {
      const r = await reveal();
      setWhole(r.value ?? masked);
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} data-testid={testId}>
      <span translate="no">{masked}</span>
      {canReveal ? (
        <Tooltip title={t('registry.revealTip')}>
          <Button type="link" size="small" icon={<EyeOutlined />} loading={busy} onClick={(e) => { e.stopPropagation(); void open(); }} data-testid={testId ? `${testId}-reveal` : undefined} style={{ padding: 0 }}>
            {t('registry.actions.reveal')}
          </Button>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/**
 * Puts a refused save on the form: an ID number's problem (422 ID_NUMBER_INVALID, 409 ID_NUMBER_TAKEN) in words on
 * the ID number field, a refusal naming a field on that field, a 400's fields with "not valid"; returns the message
 * left for the form's head (none when every problem found its field).
 */
export function showRefusal<V extends object>(form: FormInstance<V>, e: unknown, lang: string, fieldNames: readonly string[], invalidText: string): string | null {
  const text = errorText(e, lang);
  if (!(e instanceof ApiError)) return text;
  const known = new Set(fieldNames);
  // a location's problem shows under its longitude (the pair is one row)
  const put = (name: string, errors: string[]) => form.setFields([{ name: (name === 'location' ? ['location', 'lng'] : name) as never, errors }]);
  if (e.code === 'ID_NUMBER_INVALID' || e.code === 'ID_NUMBER_TAKEN') {
    if (known.has('idNumber')) { put('idNumber', [text]); return null; }
    return text;
  }
  const details = e.details as { field?: string; problem?: string }[] | { field?: string } | undefined;
  const list = Array.isArray(details) ? details : details && typeof details === 'object' && 'field' in details ? [details] : [];
  const placed: string[] = [];
  for (const d of list) {
    const field = (d.field ?? '').replace(/^body[./]?/, '').split(/[./]/)[0] ?? '';
    if (!known.has(field)) continue;
    put(field, [e.code === 'VALIDATION_FAILED' ? invalidText : text]);
    placed.push(field);
  }
  return placed.length > 0 ? null : text;
}

// 联合检查 (one inspection): the firm or place, the departments' checklists answered item by item (合格 / 有问题 / 不适用,
// with a note), the findings, and — when a violation is found — an enforcement case opened with the results (matter and
// facts, the proposed band shown live). Once done: the answers, the visits saved and the cases opened from it.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Radio, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { INSPECTION_RESULTS, type Facts, type InspectionResult } from '../../../shared/enforcement.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { fetchInspection, listMatters, newIdempotencyKey, recordInspection, type InspectionDetail } from './api.ts';
import { BandPreview, FactsFields } from './facts.tsx';
import { StatusTag } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

type Answers = Record<string, { result: InspectionResult | null; note: string }[]>;

export function InspectionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const loaded = useApi((signal) => fetchInspection(id, signal), [id]);
  const [ins, setIns] = useState<InspectionDetail | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [findings, setFindings] = useState('');
  const [withCase, setWithCase] = useState(false);
  const [matterCode, setMatterCode] = useState<string | undefined>();
  const [facts, setFacts] = useState<Facts>({});
  const [caseText, setCaseText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const matters = useApi(withCase ? (signal) => listMatters({}, signal) : null, [withCase]);
  const matter = matters.data?.items.find((m) => m.code === matterCode) ?? null;

  useEffect(() => {
    if (!loaded.data) return;
    setIns(loaded.data);
    setAnswers(Object.fromEntries(loaded.data.checklists.map((c) => [c.checklistId, c.items.map((i) => ({ result: i.result, note: i.note ?? '' }))])));
  }, [loaded.data]);

  if (loaded.error) return <div className="zz-page"><ErrorState error={loaded.error} onRetry={loaded.reload} /></div>;
  if (!ins) return <div className="zz-page"><Skeleton active paragraph={{ rows: 10 }} /></div>;
  const editable = ins.status === 'planned' && ins.policies.includes('record');
  const unanswered = Object.values(answers).some((xs) => xs.some((a) => !a.result));
  const setAnswer = (checklistId: string, i: number, patch: Partial<{ result: InspectionResult; note: string }>) =>
    setAnswers((all) => ({ ...all, [checklistId]: all[checklistId]!.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));

  const submit = async () => {
    setTouched(true); setError(null);
    if (unanswered || (withCase && (!matter || !caseText.trim()))) return;
    setBusy(true);
    try {
      const r = await recordInspection(ins.id, {
        results: Object.entries(answers).map(([checklistId, items]) => ({ checklistId, items: items.map((a) => ({ result: a.result!, ...(a.note.trim() ? { note: a.note.trim() } : {}) })) })),
        ...(findings.trim() ? { findings: findings.trim() } : {}),
        ...(withCase && matter ? { openCase: { matterCode: matter.code, facts, description: caseText.trim() } } : {}),
      }, key.current);
      setIns(r.inspection);
      message.success(r.openedCase ? t('enf.inspections.page.caseOpened', { number: r.openedCase.number }) : t('enf.inspections.page.done'));
    } catch (e) { setError(errorText(e, i18n.language)); key.current = newIdempotencyKey(); }
    setBusy(false);
  };

  return (
    <div className="zz-page" data-testid="enf-inspection-page" data-status={ins.status}>
      <div className="enf-head">
        <Button onClick={() => navigate('/enforcement/inspections')}>{t('enf.inspections.page.back')}</Button>
        <span className="enf-number zz-code">{ins.number}</span>
        <Tag color={ins.status === 'done' ? 'success' : 'processing'}>{t(`enf.inspectionStatuses.${ins.status}`)}</Tag>
        <strong>{ins.subjectName}</strong>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2} items={[
          { key: 'a', label: t('enf.inspections.form.address'), children: [ins.gridName, ins.address].filter(Boolean).join(' · ') || t('enf.none') },
          { key: 'p', label: t('enf.inspections.form.plannedOn'), children: ins.plannedOn },
          { key: 'd', label: t('enf.inspections.col.departments'), children: ins.departments.join('、') },
          { key: 'i', label: t('enf.detail.officers'), children: ins.inspectors.map((x) => x.name).join('、') || (ins.createdByName ?? '') },
        ]} />
        {ins.status === 'done' ? <Alert type="success" showIcon style={{ marginTop: 8 }} data-testid="inspection-saved-visits" title={t('enf.inspections.page.savedVisits', { departments: ins.departments.length, saved: ins.visitsSaved })} /> : null}
      </Card>
      {ins.checklists.map((c) => (
        <Card key={c.checklistId} size="small" title={`${c.title} · ${c.department}`} style={{ marginBottom: 12 }} data-testid="inspection-checklist">
          {c.items.map((item, i) => {
            const a = answers[c.checklistId]?.[i];
            return (
              <div key={i} className="enf-checklist-item">
                <span>{i + 1}. {item.text}</span>
                {editable ? (
                  <Space>
                    <Radio.Group optionType="button" size="small" value={a?.result ?? undefined} onChange={(e) => setAnswer(c.checklistId, i, { result: e.target.value as InspectionResult })}
                      options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`enf.inspectionResults.${r}`) }))} data-testid="inspection-answer" />
                    {a?.result === 'issue' ? <Input size="small" style={{ width: 200 }} value={a.note} onChange={(e) => setAnswer(c.checklistId, i, { note: e.target.value })} maxLength={500} /> : null}
                  </Space>
                ) : (
                  <span>
                    {item.result ? <Tag color={item.result === 'issue' ? 'error' : item.result === 'ok' ? 'success' : 'default'}>{t(`enf.inspectionResults.${item.result}`)}</Tag> : t('enf.none')}
                    {item.note ? <Typography.Text type="secondary">{item.note}</Typography.Text> : null}
                  </span>
                )}
              </div>
            );
          })}
        </Card>
      ))}
      {editable ? (
        <Card size="small" title={t('enf.inspections.page.results')} style={{ marginBottom: 12 }}>
          <Typography.Text>{t('enf.inspections.page.findings')}</Typography.Text>
          <Input.TextArea rows={2} maxLength={2000} value={findings} onChange={(e) => setFindings(e.target.value)} placeholder={t('enf.inspections.page.findingsHint')} style={{ margin: '4px 0 12px' }} />
          {ins.policies.includes('openCase') ? (
            <>
              <Checkbox checked={withCase} onChange={(e) => setWithCase(e.target.checked)} data-testid="inspection-open-case">{t('enf.inspections.page.openCase')}</Checkbox>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enf.inspections.page.openCaseHint')}</Typography.Text></div>
              {withCase ? (
                <div style={{ display: 'grid', gap: 12, marginTop: 12 }}>
                  <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('enf.create.matterHint')} value={matterCode} onChange={(v: string) => { setMatterCode(v); setFacts({}); }}
                    options={(matters.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))} style={{ maxWidth: 360 }} />
                  {matter ? <FactsFields defs={matter.facts} value={facts} onChange={setFacts} /> : null}
                  <BandPreview matter={matter} facts={facts} />
                  <Input.TextArea rows={2} maxLength={2000} value={caseText} onChange={(e) => setCaseText(e.target.value)} placeholder={t('enf.create.description')} status={touched && !caseText.trim() ? 'error' : undefined} />
                </div>
              ) : null}
            </>
          ) : null}
          {touched && unanswered ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('enf.inspections.page.answerAll')} /> : null}
          {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} /> : null}
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void submit()} data-testid="inspection-submit">{t('enf.inspections.page.submit')}</Button>
        </Card>
      ) : null}
      {ins.findings ? <Card size="small" title={t('enf.inspections.page.findings')} style={{ marginBottom: 12 }}>{ins.findings}</Card> : null}
      {ins.cases.length ? (
        <Card size="small" title={t('enf.cases.title')}>
          {ins.cases.map((c) => (
            <div key={c.id}><Typography.Link className="zz-code" onClick={() => navigate(`/enforcement/cases/${c.id}`)}>{c.number}</Typography.Link> {c.matterName} <StatusTag status={c.status} /></div>
          ))}
        </Card>
      ) : null}
    </div>
  );
}

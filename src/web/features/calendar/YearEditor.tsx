// One year of the working calendar: the notice's title, counters, Save / Discard, the API's refusals listed by
// date, a legend and the twelve month grids. Read-only for everyone but administrators.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Space, Tag, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import { calendarProblems, saveCalendarYear, type CalendarInput, type CalendarProblem, type CalendarYear } from './api.ts';
import { dateLabel, sameMarks, sorted, toggleDay, type Marks } from './days.ts';
import { calendarEn, calendarZh } from './locales.ts';
import { MonthGrid } from './MonthGrid.tsx';

interface Props {
  data: CalendarYear;
  today: string;
  editable: boolean;
  onDirty: (dirty: boolean) => void;
  onSaved: (saved: CalendarYear) => void;
}

interface Problem { date: string | null; text: string }

const marksOf = (d: CalendarYear): Marks => ({ holidays: new Set(d.holidays), workdays: new Set(d.workdays) });

export function YearEditor({ data, today, editable, onDirty, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const texts = lang === 'en' ? calendarEn : calendarZh;
  const saved = useMemo(() => marksOf(data), [data]);
  const [marks, setMarks] = useState<Marks>(saved);
  const [source, setSource] = useState(data.source ?? '');
  const [sourceMissing, setSourceMissing] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const dirty = !sameMarks(marks, saved) || source.trim() !== (data.source ?? '');
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const flagged = useMemo(() => new Set(problems.flatMap((p) => (p.date ? [p.date] : []))), [problems]);
  const toggle = useCallback((date: string) => {
    setMarks((m) => toggleDay(date, m));
    setProblems((ps) => ps.filter((p) => p.date !== date));
  }, []);

  const discard = () => { setMarks(saved); setSource(data.source ?? ''); setProblems([]); setSourceMissing(false); };

  const save = async () => {
    if (!source.trim()) { setSourceMissing(true); return; }
    const body: CalendarInput = { source: source.trim(), holidays: sorted(marks.holidays), workdays: sorted(marks.workdays) };
    setSaving(true);
    setProblems([]);
    try {
      const answer = await saveCalendarYear(data.year, body);
      message.success(t('calendar.saved', { year: data.year }));
      onSaved(answer);
    } catch (e) {
      const problems = calendarProblems(e, body);
      if (problems.length) setProblems(problems.map(describe));
      else message.error(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  /** A refusal as a line of the list: the date in words, which list it was on, and the API's reason. */
  function describe(p: CalendarProblem): Problem {
    const zh = lang.startsWith('zh');
    const text = zh ? (p.messageZh ?? p.message) : p.message;
    const colon = zh ? '：' : ': ';
    if (p.date && p.list) {
      const reason = text.startsWith(p.date) ? text.slice(p.date.length).trim() : text;
      return { date: p.date, text: `${dateLabel(p.date, lang)} · ${p.list === 'holidays' ? texts.legend.holiday : texts.legend.workday}${colon}${reason}` };
    }
    return { date: null, text: p.field === 'source' ? `${t('calendar.source')}${colon}${text}` : p.field ? `${p.field}${colon}${text}` : text };
  }

  const monthTexts = useMemo(() => texts.months.map((name) => ({ name, weekdays: texts.weekdays, tag: texts.tag, lang })), [texts, lang]);
  const updated = data.updatedAt ? dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm') : null;

  return (
    <>
      <div className="zz-cal-toolbar">
        {editable ? (
          <Space.Compact className="zz-cal-source">
            <Space.Addon>{t('calendar.source')}</Space.Addon>
            <Input
              value={source} maxLength={200} placeholder={t('calendar.sourcePlaceholder', { year: data.year })}
              status={sourceMissing ? 'error' : undefined} data-testid="calendar-source" aria-label={t('calendar.source')}
              onChange={(e) => { setSource(e.target.value); setSourceMissing(false); }}
            />
          </Space.Compact>
        ) : (
          <Typography.Text strong data-testid="calendar-source-text">{data.source ?? t('calendar.notEntered')}</Typography.Text>
        )}
        <Space size={4}>
          <Tag color="red" data-testid="calendar-holiday-count">{t('calendar.holidays', { count: marks.holidays.size })}</Tag>
          <Tag color="blue" data-testid="calendar-workday-count">{t('calendar.workdays', { count: marks.workdays.size })}</Tag>
        </Space>
        {editable ? (
          <Space style={{ marginLeft: 'auto' }}>
            {dirty ? <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text> : null}
            <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={discard} data-testid="calendar-discard">{t('calendar.discard')}</Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={() => void save()} data-testid="calendar-save">{t('calendar.save')}</Button>
          </Space>
        ) : null}
      </div>
      {sourceMissing ? <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>{t('calendar.sourceRequired')}</Typography.Text> : null}
      <div className="zz-cal-meta">
        <Typography.Text type="secondary" data-testid="calendar-updated">
          {updated ? (data.updatedBy ? t('calendar.updated', { at: updated, by: data.updatedBy }) : t('calendar.updatedNoBy', { at: updated })) : t('calendar.notEntered')}
          {' · '}{editable ? t('calendar.hint') : t('calendar.readOnly')}
        </Typography.Text>
        <span className="zz-cal-legend">
          {(['holiday', 'workday', 'weekend', 'normal'] as const).map((s) => <span key={s}><i className={`is-${s}`} />{texts.legend[s]}</span>)}
        </span>
      </div>
      {problems.length ? (
        <Alert
          type="error" showIcon style={{ marginBottom: 12 }} title={t('calendar.problemsTitle')} data-testid="calendar-problems"
          description={<ul className="zz-cal-problems">{problems.map((p, i) => <li key={i}>{p.text}</li>)}</ul>}
        />
      ) : null}
      <div className="zz-cal-months">
        {texts.months.map((_, i) => (
          <MonthGrid
            key={i} year={data.year} month={i + 1} marks={marks} saved={saved} today={today} flagged={flagged}
            editable={editable} texts={monthTexts[i]!} onToggle={toggle}
          />
        ))}
      </div>
    </>
  );
}

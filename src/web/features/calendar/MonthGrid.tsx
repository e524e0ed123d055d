// One month of the working calendar, Monday first like a wall calendar: each day shows its state by colour and a
// small 休 / 班 tag; an editable grid toggles a day on click.
import { memo } from 'react';
import { dateLabel, dayState, monthCells, type Marks } from './days.ts';

export interface MonthTexts { name: string; weekdays: readonly string[]; tag: { holiday: string; workday: string }; lang: string }

interface Props {
  year: number;
  month: number; // 1..12
  marks: Marks;
  saved: Marks;
  today: string;
  flagged: ReadonlySet<string>;
  editable: boolean;
  texts: MonthTexts;
  onToggle: (date: string) => void;
}

export const MonthGrid = memo(function MonthGrid({ year, month, marks, saved, today, flagged, editable, texts, onToggle }: Props) {
  return (
    <section className="zz-cal-month" aria-label={texts.name}>
      <h5>{texts.name}</h5>
      <div className="zz-cal-grid">
        {texts.weekdays.map((w, i) => <div key={w} className={`zz-cal-wd${i >= 5 ? ' is-weekend' : ''}`}>{w}</div>)}
        {monthCells(year, month).map((date, i) => {
          if (!date) return <div key={`blank-${i}`} />;
          const state = dayState(date, marks);
          const changed = state !== dayState(date, saved);
          const tag = state === 'holiday' ? texts.tag.holiday : state === 'workday' ? texts.tag.workday : null;
          const cls = ['zz-cal-day', `is-${state}`, date === today && 'is-today', changed && 'is-changed', flagged.has(date) && 'is-flagged'].filter(Boolean).join(' ');
          return (
            <button
              key={date} type="button" className={cls} disabled={!editable} onClick={() => onToggle(date)}
              data-testid={`day-${date}`} data-state={state} aria-pressed={tag ? true : false} title={dateLabel(date, texts.lang)}
            >
              {Number(date.slice(8))}
              {tag ? <span className="zz-cal-tag">{tag}</span> : null}
            </button>
          );
        })}
      </div>
    </section>
  );
});

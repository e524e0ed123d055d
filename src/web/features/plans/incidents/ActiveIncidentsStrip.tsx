// The workbench's incident strip: while incidents are active, one amber line with their count and the first few
// (level, title, steps done), each a link to its command page, and a way to 事件处置. Nothing when there is none.
import { useEffect, useState } from 'react';
import { Button, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listIncidents, subscribeCaseEvents, type IncidentSummary } from './api.ts';
import { DrillTag } from './parts.tsx';
import './locales.ts';
import './incidents.css';

export function ActiveIncidentsStrip() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<IncidentSummary[]>([]);
  const [more, setMore] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    listIncidents({ status: 'active', limit: 20 }, null, ctrl.signal).then(
      (page) => { setItems(page.items); setMore(!!page.nextCursor); },
      () => { if (!ctrl.signal.aborted) setItems([]); },
    );
    return () => ctrl.abort();
  }, [tick]);
  // a new incident's work orders arrive on the case stream: read again, debounced
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents(() => { clearTimeout(timer); timer = setTimeout(() => setTick((n) => n + 1), 1000); });
    return () => { off(); clearTimeout(timer); };
  }, []);

  if (!items.length) return null;
  return (
    <div className="zz-inc-strip" data-testid="incident-strip">
      <Typography.Text strong style={{ color: '#ad4e00' }}><ThunderboltOutlined /> {t('incidents.strip.title', { count: more ? `${items.length}+` : items.length })}</Typography.Text>
      <div className="zz-inc-strip-items">
        {items.slice(0, 3).map((i) => (
          <Link key={i.id} to={`/incidents/${i.id}`} data-testid="incident-strip-item">
            {t('incidents.strip.item', { level: t(`incidents.levels.${i.level}`), title: i.title, done: i.steps.done, total: i.steps.total })}
            {i.drill ? <> <DrillTag /></> : null}
          </Link>
        ))}
      </div>
      <Button size="small" onClick={() => navigate('/incidents')} data-testid="incident-strip-open">{t('incidents.strip.open')}</Button>
    </div>
  );
}

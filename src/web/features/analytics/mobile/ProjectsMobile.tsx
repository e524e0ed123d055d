// The community staff's phone pages of the 15-minute circle: the community's projects by status (/m/projects) and one
// project (/m/projects/:id) — what it does, owner and due day, its linked cases, its steps, and 开始推进 / 完成销号 /
// 终止项目 for those who run it.
import { useState } from 'react';
import { Button, Dialog, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { dayText, timeText } from '../../../lib/time-text.ts';
import type { CircleProjectStatus } from '../../../../shared/analytics.ts';
import { Card, MobilePage } from '../../cases/public.ts';
import { actOnProject, fetchProject, listProjects } from '../api.ts';
import '../locales.ts';

const COLOR: Record<CircleProjectStatus, string> = { planned: 'primary', underway: 'warning', done: 'success', dropped: 'default' };

function StatusTag({ status }: { status: CircleProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} fill="outline" data-testid="m-project-status">{t(`analytics.projects.statuses.${status}`)}</Tag>;
}

export function ProjectsMobile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi((signal) => listProjects({}, signal), []);
  return (
    <MobilePage title={t('analytics.mobile.title')} testId="m-projects">
      {list.error ? <Card><div role="alert">{errorText(list.error, 'zh-CN')}</div></Card> : !list.data ? <Card>{t('analytics.loading')}</Card> : !list.data.items.length ? (
        <Card>{t('analytics.mobile.empty')}</Card>
      ) : (
        <List>
          {list.data.items.map((p) => (
            <List.Item key={p.id} onClick={() => navigate(`/m/projects/${p.id}`)} data-testid="m-project"
              description={<>{p.communityName} · {p.ownerName}{p.dueOn ? ` · ${t('analytics.projects.due')} ${p.dueOn}` : ''}<br />{t('analytics.projects.casesOf', { closed: p.casesClosed, total: p.cases })}</>}
              extra={<StatusTag status={p.status} />}>
              {p.name}
            </List.Item>
          ))}
        </List>
      )}
    </MobilePage>
  );
}

export function ProjectMobile() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const detail = useApi((signal) => fetchProject(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const p = detail.data;
  const act = async (action: 'start' | 'finish' | 'drop') => {
    if (!p) return;
    let note = '';
    if (action !== 'start') {
      const ok = await Dialog.confirm({
        title: t(`analytics.projects.actions.${action}`),
        content: <TextArea placeholder={action === 'drop' ? t('analytics.projects.dropPh') : t('analytics.projects.finishPh')} rows={3} maxLength={500} onChange={(v) => { note = v; }} data-testid="m-note" />,
        confirmText: t('analytics.ok'), cancelText: t('analytics.cancel'),
      });
      if (!ok) return;
    }
    setBusy(true);
    try { await actOnProject(p.id, action, { version: p.version, note: note.trim() || undefined }); Toast.show({ content: t('analytics.projects.done') }); detail.reload(); }
    catch (e) { Toast.show({ content: errorText(e, i18n.language) }); }
    finally { setBusy(false); }
  };
  const footer = p && p.policies.some((x) => x === 'start' || x === 'finish' || x === 'drop') ? (
    <div style={{ display: 'flex', gap: 8, padding: 8 }}>
      {p.policies.includes('start') ? <Button block color="primary" loading={busy} onClick={() => act('start')} data-testid="m-project-start">{t('analytics.projects.actions.start')}</Button> : null}
      {p.policies.includes('finish') ? <Button block color="primary" loading={busy} onClick={() => act('finish')} data-testid="m-project-finish">{t('analytics.projects.actions.finish')}</Button> : null}
      {p.policies.includes('drop') ? <Button block color="danger" fill="outline" loading={busy} onClick={() => act('drop')} data-testid="m-project-drop">{t('analytics.projects.actions.drop')}</Button> : null}
    </div>
  ) : undefined;
  return (
    <MobilePage title={p?.name ?? t('analytics.projects.detail')} back="/m/projects" footer={footer} testId="m-project-detail">
      {detail.error ? <Card><div role="alert">{errorText(detail.error, i18n.language)}</div></Card> : !p ? <Card>{t('analytics.loading')}</Card> : (
        <>
          <Card title={p.name} extra={<StatusTag status={p.status} />}>
            <List>
              <List.Item extra={p.communityName}>{t('analytics.projects.col.community')}</List.Item>
              <List.Item extra={p.categoryName ?? t('analytics.none')}>{t('analytics.projects.col.category')}</List.Item>
              <List.Item extra={p.ownerName}>{t('analytics.projects.owner')}</List.Item>
              <List.Item extra={<>{p.dueOn ?? t('analytics.none')}{p.overdue ? <Tag color="danger" style={{ marginLeft: 4 }}>{t('analytics.projects.overdue')}</Tag> : null}</>}>{t('analytics.projects.due')}</List.Item>
              <List.Item extra={dayText(p.createdAt)}>{t('analytics.projects.created')}</List.Item>
            </List>
            <p style={{ margin: '8px 0 0' }}>{p.description || t('analytics.projects.noDescription')}</p>
            {p.result ? <p style={{ margin: '8px 0 0' }} data-testid="m-project-result"><b>{t('analytics.projects.result')}：</b>{p.result}</p> : null}
          </Card>
          <Card title={t('analytics.projects.linked', { count: p.caseList.length })}>
            {p.caseList.length ? (
              <List>
                {p.caseList.map((c) => (
                  <List.Item key={c.id} description={`${c.gridName} · ${dayText(c.createdAt)}`} extra={t(`analytics.caseStatuses.${c.status}`, { defaultValue: c.status })} data-testid="m-linked-case">
                    {c.number} {c.categoryName}
                  </List.Item>
                ))}
              </List>
            ) : t('analytics.projects.noCases')}
          </Card>
          <Card title={t('analytics.projects.events')}>
            {p.events.map((e, i) => (
              <div key={i} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                <b>{t(`analytics.projects.eventNames.${e.action}`)}</b> · {e.actorName} · {timeText(e.at)}
                {e.note ? <div style={{ color: '#6b7785' }}>{e.note}</div> : null}
              </div>
            ))}
          </Card>
        </>
      )}
    </MobilePage>
  );
}

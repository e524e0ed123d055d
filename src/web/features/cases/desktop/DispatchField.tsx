// The assignee of a dispatch: the town's posts board by board, the routed assignee preselected and marked
// 推荐; choosing another one is a reassignment: it needs a reason, kept on the timeline with both names.
import type { ReactNode } from 'react';
import { Alert, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { CASE_LIMITS } from '../../../../shared/cases.ts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi.ts';
import type { CaseDetail } from '../api.ts';
import { fetchTownPosts, type AssigneeInput } from './api.ts';

const keyOf = (a: { kind: string; id: string }) => `${a.kind}:${a.id}`;

/** The assignee to send: nothing when it is the routed one (the server's default), else the choice. */
export function assigneeInput(value: string | undefined, kase: CaseDetail): { assignee?: AssigneeInput } {
  if (!value || (kase.routedAssignee && value === keyOf(kase.routedAssignee))) return {};
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'department') return { assignee: { departmentId: id } };
  if (kind === 'staff') return { assignee: { staffId: id } };
  return { assignee: { postId: id } };
}

export function DispatchField({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const townId = kase.townId ?? null;
  const posts = useApi(townId ? (signal) => fetchTownPosts(townId, signal) : null, [townId]);
  const routed = kase.routedAssignee;
  const routedKey = routed ? keyOf(routed) : undefined;
  const value = Form.useWatch<string | undefined>('assignee', Form.useFormInstance());
  const recommended = <Tag color="green" style={{ marginInlineStart: 6 }}>{t('wcase.form.recommended')}</Tag>;

  const groups = new Map<string, { label: ReactNode; value: string; title: string }[]>();
  for (const p of posts.data ?? []) {
    const key = `post:${p.id}`;
    const list = groups.get(p.boardName) ?? [];
    list.push({
      value: key, title: p.name,
      label: (
        <Space size={4} data-testid={`post-option-${p.code}`}>
          <span>{p.name}</span>
          {p.holders ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.holders}</Typography.Text> : null}
          {key === routedKey ? recommended : null}
        </Space>
      ),
    });
    groups.set(p.boardName, list);
  }
  const options = [...groups].map(([board, opts]) => ({ label: board, title: board, options: opts }));
  if (routed && routed.kind !== 'post') {
    options.unshift({ label: t(`wcase.assigneeKinds.${routed.kind}`), title: routed.name, options: [{ value: routedKey!, title: routed.name, label: <span>{routed.name}{recommended}</span> }] });
  }

  return (
    <>
      <Form.Item name="assignee" label={t('wcase.form.assignee')} initialValue={routedKey} rules={[{ required: true, message: t('wcase.form.assigneeRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'title' }} loading={posts.loading} options={options} data-testid="field-assignee"
          placeholder={t('wcase.form.assigneeRequired')} listHeight={320}
        />
      </Form.Item>
      {value && routedKey && value !== routedKey ? (
        <>
          <Alert type="warning" showIcon title={t('wcase.form.override')} data-testid="override-warning" style={{ marginBottom: 12 }} />
          <Form.Item name="reason" label={t('wcase.form.reason')} rules={[{ required: true, whitespace: true, message: t('wcase.form.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={CASE_LIMITS.reason} showCount placeholder={t('wcase.form.reasonPlaceholder')} data-testid="field-reason" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

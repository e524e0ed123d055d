// 新建账号 / 编辑账号: username (new accounts only), name, phone (set, never read back), roles, scope from the org
// tree, posts. 三员分立 is checked before sending with the server's own rule; the server's refusals show on the form.
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space, TreeSelect } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { checkAccountFields } from '../../../../domain/identity/account-input.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { createAccount, fetchChoices, updateAccount, type Account, type AccountChoices } from './api.ts';
import type { ShownPassword } from './OneTimePasswordModal.tsx';
import './locales.ts';

interface Values { username?: string; name: string; phone?: string; roles: string[]; scopeOrgUnitId: string; postIds: string[] }

interface Props {
  /** null: a new account */
  account: Account | null;
  open: boolean;
  onClose: () => void;
  onSaved: (created: ShownPassword | null) => void;
}

type TreeNode = { value: string; title: string; children?: TreeNode[] };

function unitTree(units: AccountChoices['units']): TreeNode[] {
  const byParent = new Map<string | null, AccountChoices['units']>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const build = (parent: string | null): TreeNode[] => (byParent.get(parent) ?? []).map((u) => {
    const children = build(u.id);
    return { value: u.id, title: u.name, ...(children.length ? { children } : {}) };
  });
  return build(null);
}

export function AccountDrawer({ account, open, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // one key per opening of the form: a retried submission returns the account created first (getRandomValues, unlike
  // randomUUID, also works on a plain-HTTP intranet address)
  const idempotencyKey = useMemo(() => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''), [open, account]);
  const choices = useApi(open ? (signal) => fetchChoices(signal) : null, [open]);
  const tree = useMemo(() => unitTree(choices.data?.units ?? []), [choices.data]);
  const zh = i18n.language.startsWith('zh');

  const fieldRule = (field: 'username' | 'name' | 'phone' | 'roles') => ({
    validator: (_: unknown, value: unknown) => {
      const problem = checkAccountFields({ [field]: field === 'phone' && !value ? null : value ?? (field === 'roles' ? [] : '') })[0];
      return problem ? Promise.reject(new Error(zh ? problem.messageZh : problem.message)) : Promise.resolve();
    },
  });

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      if (account) {
        await updateAccount(account.id, { name: v.name, roles: v.roles, scopeOrgUnitId: v.scopeOrgUnitId, postIds: v.postIds, ...(v.phone ? { phone: v.phone } : {}) });
        message.success(<Trans i18nKey="accounts.form.saved" values={{ name: account.name, username: account.username }} components={{ id: <span translate="no" /> }} />);
        onSaved(null);
      } else {
        const created = await createAccount({ username: v.username!.trim(), name: v.name, roles: v.roles, scopeOrgUnitId: v.scopeOrgUnitId, postIds: v.postIds, phone: v.phone || null }, idempotencyKey);
        message.success(<Trans i18nKey="accounts.form.created" values={{ name: created.account.name, username: created.account.username }} components={{ id: <span translate="no" /> }} />);
        onSaved({ kind: 'created', username: created.account.username, name: created.account.name, oneTimePassword: created.oneTimePassword });
      }
      form.resetFields();
    } catch (e) {
      const text = errorText(e, i18n.language);
      const field = e instanceof ApiError ? ({ USERNAME_TAKEN: 'username', SEPARATION_OF_DUTIES: 'roles', ROLES_INVALID: 'roles', POST_FULL: 'postIds', POST_HOLDER_INELIGIBLE: 'postIds', POST_HAS_OPEN_CASES: 'postIds' } as Record<string, keyof Values>)[e.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<Values> = account
    ? { name: account.name, roles: account.roles, scopeOrgUnitId: account.scopeOrgUnitId ?? undefined, postIds: account.posts.map((p) => p.id) }
    : { roles: [], postIds: [] };

  return (
    <Drawer
      open={open} onClose={onClose} width={520} destroyOnHidden
      title={account ? t('accounts.form.editTitle', { name: account.name }) : t('accounts.form.createTitle')}
      extra={(
        <Space>
          <Button onClick={onClose}>{t('accounts.form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="account-save">{t('accounts.form.save')}</Button>
        </Space>
      )}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark data-testid="account-form">
        {account ? null : (
          <Form.Item name="username" label={t('accounts.form.username')} extra={t('accounts.form.usernameHint')} required rules={[fieldRule('username')]}>
            <Input autoComplete="off" data-testid="account-username" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('accounts.form.name')} required rules={[fieldRule('name')]}>
          <Input data-testid="account-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('accounts.form.phone')} rules={[fieldRule('phone')]}
          extra={account?.phone ? t('accounts.form.phoneHint', { masked: account.phone }) : undefined}>
          <Input inputMode="numeric" maxLength={11} data-testid="account-phone" />
        </Form.Item>
        <Form.Item name="roles" label={t('accounts.form.roles')} required rules={[fieldRule('roles')]} extra={t('accounts.form.duties')}>
          <Select mode="multiple" optionFilterProp="label" data-testid="account-roles" loading={choices.loading}
            options={(choices.data?.roles ?? []).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="scopeOrgUnitId" label={t('accounts.form.scope')} rules={[{ required: true, message: t('accounts.form.required', { field: t('accounts.form.scope') }) }]}>
          <TreeSelect showSearch treeNodeFilterProp="title" treeData={tree} placeholder={t('accounts.form.scopePlaceholder')}
            loading={choices.loading} data-testid="account-scope" listHeight={360} />
        </Form.Item>
        <Form.Item name="postIds" label={t('accounts.form.posts')}>
          <Select mode="multiple" optionFilterProp="label" placeholder={t('accounts.form.postsPlaceholder')} data-testid="account-posts"
            options={(choices.data?.posts ?? []).map((p) => ({
              value: p.id,
              label: t('accounts.form.postOption', { town: p.townName, board: p.boardName, name: p.name, a: p.aHolder ?? t('accounts.form.vacant'), b: p.bHolder ?? t('accounts.form.vacant') }),
            }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

// 账号管理 (security administrator, 三员分立): the accounts in its scope with their roles, scope, posts and state; create
// and edit in a drawer, reset a password (the one-time password shown once), disable (confirmed), enable, unlock, and
// import from Excel. Which actions a row offers comes from the account's `policies`, never from roles here.
import { useState, type HTMLAttributes } from 'react';
import { App, Button, Input, Popconfirm, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, StopOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useMe } from '../../../app/auth.tsx';
import { ACCOUNT_ADMINS, holdsAnyRole, SEPARATED_DUTIES, type Role } from '../../../../shared/roles.ts';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { accountAction, listAccounts, resetPassword, type Account, type AccountAction } from './api.ts';
import { AccountDrawer } from './AccountDrawer.tsx';
import { ImportModal } from './ImportModal.tsx';
import { OneTimePasswordModal, type ShownPassword } from './OneTimePasswordModal.tsx';
import './locales.ts';

export function AccountsPage() {
  const me = useMe();
  const { t } = useTranslation();
  if (!holdsAnyRole(me.roles, ACCOUNT_ADMINS)) return <Result status="403" title={t('accounts.title')} subTitle={t('accounts.adminOnly')} />;
  return <Accounts />;
}

const dutyColour = (r: Role) => ((SEPARATED_DUTIES as readonly Role[]).includes(r) ? 'geekblue' : undefined);

function Accounts() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const accounts = useApi((signal) => listAccounts(q.trim(), signal), [q]);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState<ShownPassword | null>(null);

  const act = async (a: Account, action: AccountAction | 'reset') => {
    setBusy(`${a.id}:${action}`);
    try {
      if (action === 'reset') {
        const { oneTimePassword } = await resetPassword(a.id);
        setShown({ kind: 'reset', username: a.username, name: a.name, oneTimePassword });
      } else {
        await accountAction(a.id, action);
        message.success(t(`accounts.done.${action}`, { name: a.name }));
      }
      accounts.reload();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="accounts-page">
      <PageHeader
        title={t('accounts.title')} subtitle={t('accounts.subtitle')}
        extra={(
          <Space>
            <Input.Search allowClear placeholder={t('accounts.search')} onSearch={setQ} onChange={(e) => { if (!e.target.value) setQ(''); }}
              style={{ width: 240 }} data-testid="accounts-search" />
            {accounts.data?.policies.includes('import') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="accounts-import">{t('accounts.import')}</Button>
            ) : null}
            {accounts.data?.policies.includes('create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="accounts-create">{t('accounts.create')}</Button>
            ) : null}
          </Space>
        )}
      />
      <div className="zz-page">
        {accounts.error ? <ErrorState error={accounts.error} onRetry={accounts.reload} /> : (
          <Table<Account>
            rowKey="id" size="middle" dataSource={accounts.data?.items ?? []} loading={accounts.loading} data-testid="accounts-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(a) => ({ 'data-username': a.username } as HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('accounts.col.username'), dataIndex: 'username', width: 150, render: (u: string) => <Typography.Text strong translate="no">{u}</Typography.Text> },
              { title: t('accounts.col.name'), dataIndex: 'name', width: 120 },
              { title: t('accounts.col.roles'), dataIndex: 'roles', render: (roles: Account['roles'], a) => (
                <Space size={[4, 4]} wrap>
                  {a.kind === 'resident' ? <Tag>{t('accounts.kinds.resident')}</Tag> : null}
                  {roles.filter((r) => r !== 'resident').map((r) => <Tag key={r} color={dutyColour(r)}>{t(`roles.${r}`)}</Tag>)}
                </Space>
              ) },
              { title: t('accounts.col2.scope'), dataIndex: 'scopeName', width: 150, render: (s: string | null) => s ?? '—' },
              { title: t('accounts.col2.posts'), dataIndex: 'posts', width: 190, render: (posts: Account['posts']) => {
                if (!posts.length) return '—';
                const tag = (p: Account['posts'][number]) => <Tag key={p.id}>{p.name} · {p.holder}</Tag>;
                // town staff may hold many posts: two on the row, the rest on hover
                return (
                  <Space size={[4, 4]} wrap>
                    {posts.slice(0, 2).map(tag)}
                    {posts.length > 2 ? <Tooltip title={<Space size={[4, 4]} wrap>{posts.slice(2).map(tag)}</Space>}><Tag>+{posts.length - 2}</Tag></Tooltip> : null}
                  </Space>
                );
              } },
              { title: t('accounts.col.status'), key: 'status', width: 130, render: (_, a) => (
                <Space size={4} wrap data-testid="account-status">
                  {a.disabled ? <Tag color="red" icon={<StopOutlined />}>{t('accounts.status.disabled')}</Tag> : null}
                  {a.locked ? <Tag color="orange" icon={<LockOutlined />}>{t('accounts.status.locked')}</Tag> : null}
                  {a.mustChangePassword && !a.disabled ? <Tag color="gold">{t('accounts.status2.mustChange')}</Tag> : null}
                  {!a.disabled && !a.locked && !a.mustChangePassword ? <Tag color="green">{t('accounts.status.active')}</Tag> : null}
                </Space>
              ) },
              { title: t('accounts.col.actions'), key: 'actions', width: 260, render: (_, a) => (
                <Space size={4} wrap>
                  {a.policies.edit ? (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="account-edit">{t('accounts.edit')}</Button>
                  ) : null}
                  {a.policies.resetPassword ? (
                    <Popconfirm title={t('accounts.resetConfirm', { name: a.name })} onConfirm={() => act(a, 'reset')}>
                      <Button size="small" icon={<KeyOutlined />} loading={busy === `${a.id}:reset`} data-testid="account-reset">{t('accounts.resetPassword')}</Button>
                    </Popconfirm>
                  ) : null}
                  {a.policies.enable ? (
                    <Button size="small" icon={<CheckCircleOutlined />} loading={busy === `${a.id}:enable`} onClick={() => void act(a, 'enable')} data-testid="account-enable">{t('accounts.enable')}</Button>
                  ) : null}
                  {a.policies.disable ? (
                    <Popconfirm title={t('accounts.disableConfirm', { name: a.name })} okButtonProps={{ danger: true }} onConfirm={() => act(a, 'disable')}>
                      <Button size="small" danger icon={<StopOutlined />} loading={busy === `${a.id}:disable`} data-testid="account-disable">{t('accounts.disable')}</Button>
                    </Popconfirm>
                  ) : null}
                  {a.policies.unlock ? (
                    <Button size="small" icon={<UnlockOutlined />} loading={busy === `${a.id}:unlock`} onClick={() => void act(a, 'unlock')} data-testid="account-unlock">{t('accounts.unlock')}</Button>
                  ) : null}
                </Space>
              ) },
            ]}
          />
        )}
      </div>
      <AccountDrawer
        open={editing !== null} account={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
        onSaved={(created) => { setEditing(null); if (created) setShown(created); accounts.reload(); }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={accounts.reload} />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}

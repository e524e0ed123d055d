// 账号管理 (security administrator): the accounts in its scope with their roles and state; disable (confirmed),
// enable, and unlock an account locked by failed sign-ins.
import { useState, type HTMLAttributes } from 'react';
import { App, Button, Input, Popconfirm, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useMe } from '../../../app/auth.tsx';
import { ACCOUNT_ADMINS, holdsAnyRole } from '../../../../shared/roles.ts';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { accountAction, listAccounts, type Account, type AccountAction } from './api.ts';
import './locales.ts';

export function AccountsPage() {
  const me = useMe();
  const { t } = useTranslation();
  if (!holdsAnyRole(me.roles, ACCOUNT_ADMINS)) return <Result status="403" title={t('accounts.title')} subTitle={t('accounts.adminOnly')} />;
  return <Accounts myId={me.id} />;
}

function Accounts({ myId }: { myId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const accounts = useApi((signal) => listAccounts(q.trim(), signal), [q]);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (a: Account, action: AccountAction) => {
    setBusy(`${a.id}:${action}`);
    try {
      await accountAction(a.id, action);
      message.success(t(`accounts.done.${action}`, { name: a.name }));
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
          <Input.Search allowClear placeholder={t('accounts.search')} onSearch={setQ} onChange={(e) => { if (!e.target.value) setQ(''); }}
            style={{ width: 260 }} data-testid="accounts-search" />
        )}
      />
      <div className="zz-page">
        {accounts.error ? <ErrorState error={accounts.error} onRetry={accounts.reload} /> : (
          <Table<Account>
            rowKey="id" size="middle" dataSource={accounts.data?.items ?? []} loading={accounts.loading} data-testid="accounts-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(a) => ({ 'data-username': a.username } as HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('accounts.col.username'), dataIndex: 'username', width: 160, render: (u: string) => <Typography.Text strong>{u}</Typography.Text> },
              { title: t('accounts.col.name'), dataIndex: 'name', width: 160 },
              { title: t('accounts.col.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`accounts.kinds.${k}`, { defaultValue: k }) },
              { title: t('accounts.col.roles'), dataIndex: 'roles', render: (roles: Account['roles']) => (
                <Space size={[4, 4]} wrap>{roles.map((r) => <Tag key={r} color={r === 'admin' ? 'geekblue' : undefined}>{t(`roles.${r}`)}</Tag>)}</Space>
              ) },
              { title: t('accounts.col.status'), key: 'status', width: 150, render: (_, a) => (
                <Space size={4} data-testid="account-status">
                  {a.disabled ? <Tag color="red" icon={<StopOutlined />}>{t('accounts.status.disabled')}</Tag> : null}
                  {a.locked ? <Tag color="orange" icon={<LockOutlined />}>{t('accounts.status.locked')}</Tag> : null}
                  {!a.disabled && !a.locked ? <Tag color="green">{t('accounts.status.active')}</Tag> : null}
                </Space>
              ) },
              { title: t('accounts.col.actions'), key: 'actions', width: 170, render: (_, a) => (
                <Space size={4}>
                  {a.disabled ? (
                    <Button size="small" icon={<CheckCircleOutlined />} loading={busy === `${a.id}:enable`} onClick={() => void act(a, 'enable')} data-testid="account-enable">{t('accounts.enable')}</Button>
                  ) : a.id === myId ? (
                    <Tooltip title={t('accounts.self')}><Button size="small" danger disabled icon={<StopOutlined />}>{t('accounts.disable')}</Button></Tooltip>
                  ) : (
                    <Popconfirm title={t('accounts.disableConfirm', { name: a.name })} okButtonProps={{ danger: true }} onConfirm={() => act(a, 'disable')}>
                      <Button size="small" danger icon={<StopOutlined />} loading={busy === `${a.id}:disable`} data-testid="account-disable">{t('accounts.disable')}</Button>
                    </Popconfirm>
                  )}
                  {a.locked ? (
                    <Button size="small" icon={<UnlockOutlined />} loading={busy === `${a.id}:unlock`} onClick={() => void act(a, 'unlock')} data-testid="account-unlock">{t('accounts.unlock')}</Button>
                  ) : null}
                </Space>
              ) },
            ]}
          />
        )}
      </div>
    </div>
  );
}

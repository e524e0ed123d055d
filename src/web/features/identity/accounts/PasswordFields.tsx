// The current, new and confirmed password of a password change, the new one checked against the server's policy.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordPolicy } from '../../../../domain/identity/password-policy.ts';
import './locales.ts';

export interface PasswordValues { currentPassword: string; newPassword: string; confirm: string }

export function PasswordFields({ currentLabel, testIdPrefix }: { currentLabel: string; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="currentPassword" label={currentLabel} rules={[{ required: true, message: t('accounts.password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" data-testid={`${testIdPrefix}-current`} />
      </Form.Item>
      <Form.Item
        name="newPassword" label={t('accounts.password.next')} extra={t('accounts.password.hint')} dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('accounts.password.nextRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problem = checkPasswordPolicy(value);
              if (problem) return Promise.reject(new Error(t(`accounts.password.${problem}`)));
              if (value === getFieldValue('currentPassword')) return Promise.reject(new Error(t('accounts.password.same')));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-new`} />
      </Form.Item>
      <Form.Item
        name="confirm" label={t('accounts.password.confirm')} dependencies={['newPassword']}
        rules={[
          { required: true, message: t('accounts.password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('accounts.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-confirm`} />
      </Form.Item>
    </>
  );
}

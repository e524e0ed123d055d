// Shows a one-time password once, after a create or a reset: nothing keeps it, so closing the dialog forgets it.
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import './locales.ts';

export interface ShownPassword { kind: 'created' | 'reset'; username: string; name: string; oneTimePassword: string }

export function OneTimePasswordModal({ shown, onClose }: { shown: ShownPassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null} title={shown ? t(shown.kind === 'created' ? 'accounts.otp.createdTitle' : 'accounts.otp.resetTitle') : ''}
      onCancel={onClose} maskClosable={false} destroyOnHidden width={460}
      footer={<Button type="primary" onClick={onClose} data-testid="otp-close">{t('accounts.otp.close')}</Button>}
    >
      {shown ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="otp-modal">
          <Alert type="warning" showIcon title={<Trans i18nKey="accounts.otp.hint" values={{ name: shown.name, username: shown.username }} components={{ id: <span translate="no" /> }} />} />
          <div>
            <Typography.Text type="secondary">{t('accounts.otp.title')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: shown.oneTimePassword, tooltips: [t('accounts.otp.copy'), t('accounts.otp.copied')] }}
              style={{ fontSize: 22, fontFamily: 'monospace', margin: '4px 0 0' }} data-testid="otp-value" translate="no">
              {shown.oneTimePassword}
            </Typography.Paragraph>
          </div>
        </Space>
      ) : null}
    </Modal>
  );
}

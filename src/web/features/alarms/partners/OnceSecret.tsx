// The modal that shows a secret or an API key once, with a copy button: closing it is the last chance to read it.
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';

export function OnceSecret({ open, title, body, value, extra, copyText, copiedText, doneText, onClose, testId }: {
  open: boolean; title: string; body: string; value: string; extra?: ReactNode; copyText: string; copiedText: string; doneText: string;
  onClose: () => void; testId: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal
      open={open} title={title} closable={false} maskClosable={false} width={640} data-testid={testId}
      footer={<Button type="primary" onClick={() => { setCopied(false); onClose(); }} data-testid={`${testId}-done`}>{doneText}</Button>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={body} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={value} className="zz-code" data-testid={`${testId}-value`} />
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>{copied ? copiedText : copyText}</Button>
        </Space.Compact>
        {extra ? <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{extra}</Typography.Paragraph> : null}
      </Space>
    </Modal>
  );
}

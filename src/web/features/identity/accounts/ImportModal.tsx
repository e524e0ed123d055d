// 批量导入: download the template, upload a filled .xlsx; either every account is created (their one-time passwords
// listed once) or none is, with the problems listed by row and column in the user's language.
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { downloadTemplate, importAccounts, importProblems, type ImportedAccount, type ImportProblem } from './api.ts';
import './locales.ts';

export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [created, setCreated] = useState<ImportedAccount[] | null>(null);
  const zh = i18n.language.startsWith('zh');

  const close = () => { setFile(null); setProblems(null); setCreated(null); onClose(); };
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setProblems(null);
    try {
      setCreated((await importAccounts(file)).created);
      onImported();
    } catch (e) {
      const rows = importProblems(e);
      if (rows && rows.length) setProblems(rows);
      else message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const footer = created
    ? <Button type="primary" onClick={close} data-testid="import-done">{t('accounts.importer.done')}</Button>
    : (
      <Space>
        <Button onClick={close}>{t('accounts.importer.cancel')}</Button>
        <Button type="primary" disabled={!file} loading={busy} onClick={() => void submit()} data-testid="import-submit">{t('accounts.importer.submit')}</Button>
      </Space>
    );

  return (
    <Modal open={open} title={t('accounts.importer.title')} onCancel={close} footer={footer} width={760} maskClosable={false} destroyOnHidden>
      {created ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-created">
          <Alert type="success" showIcon title={t('accounts.importer.created', { count: created.length })} />
          <Table<ImportedAccount> rowKey="id" size="small" pagination={false} dataSource={created} scroll={{ y: 360 }}
            columns={[
              { title: t('accounts.importer.row'), dataIndex: 'row', width: 60 },
              { title: t('accounts.col.username'), dataIndex: 'username', render: (u: string) => <span translate="no">{u}</span> },
              { title: t('accounts.col.name'), dataIndex: 'name' },
              { title: t('accounts.importer.otp'), dataIndex: 'oneTimePassword', render: (p: string) => <Typography.Text code copyable>{p}</Typography.Text> },
            ]} />
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('accounts.importer.hint')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate(t('accounts.templateFile')).catch((e) => message.error(errorText(e, i18n.language)))}
            data-testid="import-template">{t('accounts.template')}</Button>
          <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); setProblems(null); return false; }}
            onRemove={() => { setFile(null); setProblems(null); }} fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            itemRender={(node) => <div translate="no">{node}</div>}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('accounts.importer.drop')}</p>
          </Upload.Dragger>
          {problems ? (
            <div data-testid="import-problems">
              <Alert type="error" showIcon title={t('accounts.importer.rejected', { count: problems.length })} style={{ marginBottom: 8 }} />
              <Table<ImportProblem> rowKey={(p) => `${p.row}${p.column}${p.problem}`} size="small" pagination={false} dataSource={problems} scroll={{ y: 300 }}
                columns={[
                  { title: t('accounts.importer.row'), dataIndex: 'row', width: 60 },
                  { title: t('accounts.importer.column'), dataIndex: 'column', width: 60 },
                  { title: t('accounts.importer.problem'), key: 'message', render: (_, p) => (zh ? p.messageZh : p.message) },
                ]} />
            </div>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}

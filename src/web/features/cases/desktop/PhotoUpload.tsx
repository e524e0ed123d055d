// Photos of a form: each picked image goes to POST /api/files at once; the value is the list of hashes
// plus whether an upload is still running, so the form can wait for it.
import { useEffect, useState } from 'react';
import { Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { uploadPhoto } from '../api.ts';

export interface UploadState { hashes: string[]; uploading: boolean }

interface Props { value?: UploadState; onChange?(v: UploadState): void; max?: number }

export function PhotoUpload({ onChange, max = 6 }: Props) {
  const { t, i18n } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);

  useEffect(() => {
    onChange?.({
      hashes: files.flatMap((f) => (f.status === 'done' && typeof f.response?.hash === 'string' ? [f.response.hash as string] : [])),
      uploading: files.some((f) => f.status === 'uploading'),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  return (
    <Upload
      accept="image/*" listType="picture-card" multiple fileList={files} maxCount={max} data-testid="photo-upload"
      onChange={({ fileList }) => setFiles(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as Blob).then(
          (res) => onSuccess?.(res),
          (e: unknown) => onError?.(new Error(errorText(e, i18n.language))),
        );
      }}
    >
      {files.length < max ? (
        <div><PlusOutlined /><div style={{ marginTop: 6 }}>{t('wcase.form.upload')}</div></div>
      ) : null}
    </Upload>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadWithProgress } from '../../api';
import { ImportModeChoice, RowErrorsTable, XlsxPicker, type ImportMode } from './ImportParts';
import type { FiguresImportResponse } from './queries';

/**
 * Import a filled figures template — an indicator's statistics (地区 / 期间 / 数值) or an
 * evaluation's scores (编号 / 名称 / one column per criterion): upload progress, then what was
 * written, what was left blank, and every bad cell. `refresh` names the queries to reload.
 */
export default function FiguresImportModal({
  title,
  hint,
  path,
  refresh,
  onClose,
}: {
  title: string;
  hint: string;
  /** The import route (POST, multipart `file`); `?mode=` is added. */
  path: string;
  refresh: readonly (readonly unknown[])[];
  onClose: () => void;
}) {
  const { t } = useTranslation('registers');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('atomic');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<FiguresImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadWithProgress<FiguresImportResponse>(`${path}?mode=${mode}`, form, (share) => setProgress(Math.round(share * 100))));
    } catch (e) {
      setError((e as Error).message);
    }
    setProgress(null);
    for (const key of refresh) await queryClient.invalidateQueries({ queryKey: [...key] });
  };

  const busy = progress !== null;
  const failedAtomic = result !== null && mode === 'atomic' && result.rejected > 0;
  return (
    <Modal open title={title} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="figures-import">
        <Typography.Text type="secondary">{hint}</Typography.Text>
        <XlsxPicker
          onPick={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
          }}
          onRemove={() => setFile(null)}
        />
        <ImportModeChoice value={mode} onChange={setMode} />
        <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void start()} data-testid="figures-import-start">
          {t('import.start')}
        </Button>
        {busy && <Progress percent={progress} status="active" />}
        {error && <Alert type="error" showIcon title={error} data-testid="figures-import-error" />}
        {result && (
          <Alert
            type={result.rejected > 0 ? 'warning' : 'success'}
            showIcon
            title={t('figuresImport.result', result)}
            description={failedAtomic ? t('import.nothingWritten') : undefined}
            data-testid="figures-import-result"
          />
        )}
        {result && result.errors.length > 0 && <RowErrorsTable errors={result.errors} />}
      </Space>
    </Modal>
  );
}

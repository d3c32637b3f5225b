import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postForDownload, uploadWithLines } from '../../api';
import { ImportModeChoice, RowErrorsTable, XlsxPicker, type ImportMode } from './ImportParts';
import type { ImportProgressLine, ImportResponse, RegisterView } from './queries';

type ServerPhase = Extract<ImportProgressLine, { type: 'progress' }>;

/**
 * Import a filled template: progress while it uploads, then the server's own progress as it
 * streams it (`?progress=ndjson`: checking the file, rows read of the sheet's rows, finishing),
 * then the counts and every row error.
 */
export default function ImportModal({ register, onClose }: { register: RegisterView; onClose: () => void }) {
  const { t } = useTranslation('registers');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('atomic');
  const [progress, setProgress] = useState<number | null>(null);
  const [server, setServer] = useState<ServerPhase | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const form = () => {
    const data = new FormData();
    data.append('file', file!, file!.name);
    return data;
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    setResult(null);
    setServer(null);
    setProgress(0);
    let last: ImportProgressLine | null = null;
    try {
      await uploadWithLines(
        `/api/registers/${register.id}/import?mode=${mode}&progress=ndjson`,
        form(),
        (share) => setProgress(Math.round(share * 100)),
        (raw) => {
          const line = raw as ImportProgressLine;
          last = line;
          if (line.type === 'progress') setServer(line);
        },
      );
      setProgress(100);
      const end = last as ImportProgressLine | null;
      if (end?.type === 'result') setResult(end.result);
      else if (end?.type === 'error') setError(end.error.message);
      // A stream that ends without its last line: the connection broke; an atomic import committed whole or not at all.
      else setError(t('import.broken'));
    } catch (e) {
      setProgress(null);
      setError((e as Error).message);
    }
    setServer(null);
    await queryClient.invalidateQueries({ queryKey: ['registers'] });
    await queryClient.invalidateQueries({ queryKey: ['indicators'] });
  };

  const failedAtomic = result !== null && mode === 'atomic' && result.rejected > 0;
  const busy = progress !== null && result === null && error === null;
  const processing = busy && progress >= 100;
  return (
    <Modal open title={t('import.title', { name: register.name })} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('import.hint', { key: register.definition.uniqueKey.join(' + ') })}</Typography.Text>
        <XlsxPicker
          onPick={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
            setProgress(null);
          }}
          onRemove={() => setFile(null)}
        />
        <ImportModeChoice value={mode} onChange={setMode} />
        <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void start()} data-testid="import-start">
          {t('import.start')}
        </Button>
        {progress !== null && (
          <div>
            <Typography.Text type="secondary">{t('import.uploadPhase')}</Typography.Text>
            <Progress percent={progress} status={progress < 100 ? 'active' : 'success'} data-testid="import-progress" />
          </div>
        )}
        {processing && (
          <div data-testid="import-processing" data-phase={server?.phase ?? 'waiting'}>
            {/* The sheet's declared size is only a bound when it is ahead of the rows read (the server never lets it fall below). */}
            {server?.phase === 'rows' && server.rowsExpected > server.rowsRead ? (
              <>
                <Typography.Text type="secondary">{t('import.rowsPhase', { read: server.rowsRead, expected: server.rowsExpected })}</Typography.Text>
                <Progress percent={Math.min(99, Math.floor((server.rowsRead / server.rowsExpected) * 100))} status="active" data-testid="import-rows-progress" />
              </>
            ) : (
              <Flex gap={8} align="center">
                <Spin size="small" />
                <Typography.Text>
                  {server?.phase === 'rows'
                    ? t('import.rowsPhaseOpen', { read: server.rowsRead })
                    : server?.phase === 'finishing'
                      ? t('import.finishingPhase', { read: server.rowsRead })
                      : t('import.processing')}
                </Typography.Text>
              </Flex>
            )}
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {result && (
          <Alert
            type={result.rejected > 0 ? 'warning' : 'success'}
            showIcon
            title={t('import.result', result)}
            description={failedAtomic ? t('import.nothingWritten') : undefined}
            data-testid="import-result"
          />
        )}
        {result && result.errors.length > 0 && (
          <>
            <RowErrorsTable errors={result.errors} />
            <Button onClick={() => void postForDownload(`/api/registers/${register.id}/import/errors.xlsx`, form(), `${register.name}-errors.xlsx`)} data-testid="import-error-workbook">
              {t('import.errorWorkbook')}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}

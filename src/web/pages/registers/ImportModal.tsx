import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Radio, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postForDownload, uploadWithProgress } from '../../api';
import type { ImportResponse, RegisterView } from './queries';

type Mode = 'atomic' | 'partial';

/**
 * Import a filled template: progress while it uploads, then an open-ended 校验并写入中… while the
 * server checks and writes the rows (it does not report how far it is), then the counts and
 * every row error.
 */
export default function ImportModal({ register, onClose }: { register: RegisterView; onClose: () => void }) {
  const { t } = useTranslation('registers');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('atomic');
  const [progress, setProgress] = useState<number | null>(null);
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
    setProgress(0);
    try {
      const answer = await uploadWithProgress<ImportResponse>(`/api/registers/${register.id}/import?mode=${mode}`, form(), (share) => setProgress(Math.round(share * 100)));
      setProgress(100);
      setResult(answer);
      await queryClient.invalidateQueries({ queryKey: ['registers'] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    } catch (e) {
      setProgress(null);
      setError((e as Error).message);
    }
  };

  const failedAtomic = result !== null && mode === 'atomic' && result.rejected > 0;
  const busy = progress !== null && result === null && error === null;
  const processing = busy && progress >= 100;
  return (
    <Modal open title={t('import.title', { name: register.name })} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('import.hint', { key: register.definition.uniqueKey.join(' + ') })}</Typography.Text>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
            setProgress(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('import.choose')}</p>
        </Upload.Dragger>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <Space direction="vertical">
            <Radio value="atomic">{t('import.atomic')}</Radio>
            <Radio value="partial" data-testid="import-partial">
              {t('import.partial')}
            </Radio>
          </Space>
        </Radio.Group>
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
          <Flex gap={8} align="center" data-testid="import-processing">
            <Spin size="small" />
            <Typography.Text>{t('import.processing')}</Typography.Text>
          </Flex>
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
            <Typography.Text strong>{t('import.errors')}</Typography.Text>
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              dataSource={result.errors}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 'max-content' }}
              data-testid="import-errors"
              columns={[
                { title: t('import.columns.row'), dataIndex: 'row', width: 60 },
                { title: t('import.columns.column'), dataIndex: 'column', width: 120 },
                { title: t('import.columns.value'), dataIndex: 'value', width: 140, render: (v: unknown) => (v === null ? '' : String(v)) },
                { title: t('import.columns.message'), dataIndex: 'message' },
              ]}
            />
            <Button onClick={() => void postForDownload(`/api/registers/${register.id}/import/errors.xlsx`, form(), `${register.name}-errors.xlsx`)} data-testid="import-error-workbook">
              {t('import.errorWorkbook')}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}

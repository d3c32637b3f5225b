import { InboxOutlined } from '@ant-design/icons';
import { Radio, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The pieces every Excel import modal shows the same way — a register's rows, an indicator's
 * figures, an evaluation's scores: the file picker, atomic or partial, and the row errors with
 * the row numbers Excel shows.
 */
export type ImportMode = 'atomic' | 'partial';

export interface RowError {
  row: number;
  column: string;
  value: string | number | boolean | null;
  message: string;
}

/** One .xlsx, kept in the page (never uploaded on its own): `onPick` on choosing, `onRemove` on clearing. */
export function XlsxPicker({ onPick, onRemove }: { onPick: (file: File) => void; onRemove: () => void }) {
  const { t } = useTranslation('registers');
  return (
    <Upload.Dragger
      accept=".xlsx"
      maxCount={1}
      beforeUpload={(f) => {
        onPick(f);
        return false;
      }}
      onRemove={onRemove}
      data-testid="import-file"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{t('import.choose')}</p>
    </Upload.Dragger>
  );
}

export function ImportModeChoice({ value, onChange }: { value: ImportMode; onChange: (mode: ImportMode) => void }) {
  const { t } = useTranslation('registers');
  return (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as ImportMode)}>
      <Space direction="vertical">
        <Radio value="atomic">{t('import.atomic')}</Radio>
        <Radio value="partial" data-testid="import-partial">
          {t('import.partial')}
        </Radio>
      </Space>
    </Radio.Group>
  );
}

/** The bad cells of an import, ten to a page. */
export function RowErrorsTable({ errors }: { errors: readonly RowError[] }) {
  const { t } = useTranslation('registers');
  return (
    <>
      <Typography.Text strong>{t('import.errors')}</Typography.Text>
      <Table<RowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column}`}
        dataSource={[...errors]}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 'max-content' }}
        data-testid="import-errors"
        columns={[
          { title: t('import.columns.row'), dataIndex: 'row', width: 60 },
          { title: t('import.columns.column'), dataIndex: 'column', width: 120 },
          { title: t('import.columns.value'), dataIndex: 'value', width: 140, render: (v: RowError['value']) => (v === null ? '' : String(v)) },
          { title: t('import.columns.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}

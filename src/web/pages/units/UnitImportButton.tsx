import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type RawBody } from '../../api';
import { currentLocale } from '../../i18n/setup';
import type { ImportResult } from '../../../contract/units';
import { UNITS_KEY } from '../../unit-queries';
import { importIssues, type ImportIssue } from './import-issues';

const MAX_LISTED = 20;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file as the import endpoint wants it: JSON text or xlsx bytes, with the matching type. */
async function toBody(file: File): Promise<RawBody | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return { raw: await file.text(), contentType: 'application/json' };
  if (name.endsWith('.xlsx')) return { raw: file, contentType: XLSX_TYPE };
  return null;
}

/** Upload a registry file (JSON or xlsx); shows what was created and updated, or the server's reason. */
export default function UnitImportButton() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const body = await toBody(file);
      if (!body) throw new Error(t('units.importUnsupported'));
      return api.post<ImportResult>('/api/units/import', body);
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: UNITS_KEY });
      void message.success({
        content: <span data-testid="import-result">{t('units.importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged ?? 0 })}</span>,
        duration: 6,
      });
    },
    onError: (error) => {
      const issues = isApiError(error) ? importIssues(error.details, currentLocale()) : [];
      const place = (issue: ImportIssue) =>
        issue.where === null
          ? t('units.issueFile')
          : 'row' in issue.where
            ? t('units.issueRow', { n: issue.where.row })
            : t('units.issueUnit', { n: issue.where.unit });
      modal.error({
        title: t('units.importFailed'),
        width: 560,
        content: (
          <div data-testid="import-error">
            <p style={{ marginTop: 0 }}>{error.message}</p>
            {issues.length > 0 && (
              <ul style={{ paddingInlineStart: 20, maxHeight: 280, overflow: 'auto', margin: 0 }}>
                {issues.slice(0, MAX_LISTED).map((issue, i) => (
                  <li key={i}>
                    {place(issue)}
                    {issue.field && <code style={{ marginInline: 4 }}>{issue.field}</code>}
                    {t('units.issueSeparator')}
                    {issue.message}
                  </li>
                ))}
                {issues.length > MAX_LISTED && <li>{t('units.issuesMore', { count: issues.length - MAX_LISTED })}</li>}
              </ul>
            )}
          </div>
        ),
      });
    },
  });

  return (
    <Upload
      accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      showUploadList={false}
      beforeUpload={(file) => {
        importFile.mutate(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={importFile.isPending}>
        {importFile.isPending ? t('units.importing') : t('units.import')}
      </Button>
    </Upload>
  );
}

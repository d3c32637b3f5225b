import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Progress, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../../api';
import { useSession } from '../../session';
import type { PlanImportResult } from '../../../contract/plans';
import { PLANS_KEY } from './plan-queries';
import { isPlanFile, PLAN_FILE_TYPES, PLAN_MEDIA_TYPES, uploadPlanFile } from './upload-plan';

type Tab = 'file' | 'paste';

interface PastedPlan {
  text: string;
  filename?: string;
  place?: string;
}

const PLACE_RE = /^\d{6}$/;

/**
 * A refused duplicate (409): the message names the plan that already has these bytes; the
 * plan's id comes in `details.planId` when the server sends it (null otherwise).
 */
function duplicateOf(error: unknown): { planId: number | null } | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const planId = (error.details as { planId?: unknown } | undefined)?.planId;
  return { planId: typeof planId === 'number' ? planId : null };
}

function ImportError({ error, onOpen }: { error: Error; onOpen: () => void }) {
  const { t } = useTranslation();
  const duplicate = duplicateOf(error);
  if (duplicate !== null) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('planImport.duplicate')}
        description={
          <>
            <div>{error.message}</div>
            <Link
              to={duplicate.planId === null ? '/plans' : `/plans/${duplicate.planId}`}
              onClick={onOpen}
              data-testid="plan-import-existing"
            >
              {duplicate.planId === null ? t('planImport.openList') : t('planImport.openExisting')}
            </Link>
          </>
        }
        style={{ marginBottom: 16 }}
        data-testid="plan-import-error"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('planImport.failed')}
      description={error.message}
      style={{ marginBottom: 16 }}
      data-testid="plan-import-error"
    />
  );
}

/** Import a plan from a file (drag and drop, with upload progress) or from pasted text; on success open it. */
export default function PlanImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [tab, setTab] = useState<Tab>('file');
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const [place, setPlace] = useState('');
  const placeCode = place.trim();
  const placeInvalid = placeCode !== '' && !PLACE_RE.test(placeCode);
  const [form] = Form.useForm<PastedPlan>();

  const done = async (result: PlanImportResult) => {
    await queryClient.invalidateQueries({ queryKey: PLANS_KEY, exact: true });
    void message.success({
      content: <span data-testid="plan-import-done">{t('planImport.done', { title: result.title, items: result.items, warnings: result.warnings })}</span>,
      duration: 6,
    });
    onClose();
    void navigate(`/plans/${result.id}`);
  };

  const sendFile = useMutation({
    mutationFn: (file: File) => {
      if (!isPlanFile(file.name)) return Promise.reject(new Error(t('planImport.unsupported')));
      if (placeInvalid) return Promise.reject(new Error(t('planImport.placeInvalid')));
      setUpload({ name: file.name, percent: 0 });
      return uploadPlanFile(file, {
        csrfToken: session.data?.csrfToken ?? null,
        ...(placeCode ? { place: placeCode } : {}),
        onProgress: (percent) => setUpload({ name: file.name, percent }),
      });
    },
    onSuccess: done,
  });
  const sendText = useMutation({
    mutationFn: (plan: PastedPlan) => api.post<PlanImportResult>('/api/plans', plan),
    onSuccess: done,
  });

  const submitText = async () => {
    const values = await form.validateFields();
    if (placeInvalid) return;
    const filename = values.filename?.trim();
    sendText.mutate({ text: values.text, ...(filename ? { filename } : {}), ...(placeCode ? { place: placeCode } : {}) });
  };

  const error = tab === 'file' ? sendFile.error : sendText.error;
  const uploading = sendFile.isPending && upload !== null;

  return (
    <Modal
      open
      width={640}
      title={t('planImport.title')}
      onCancel={onClose}
      footer={
        tab === 'file' ? (
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={sendText.isPending} onClick={() => void submitText().catch(() => undefined)} data-testid="plan-import-submit">
              {t('planImport.submit')}
            </Button>
          </>
        )
      }
    >
      {error && <ImportError error={error} onOpen={onClose} />}
      <Form layout="vertical" requiredMark={false} component="div">
        <Form.Item
          label={t('planImport.place')}
          extra={t('planImport.placeHelp')}
          validateStatus={placeInvalid ? 'error' : undefined}
          help={placeInvalid ? t('planImport.placeInvalid') : undefined}
        >
          <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={6} inputMode="numeric" placeholder="430100" data-testid="plan-import-place" />
        </Form.Item>
      </Form>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'file',
            label: t('planImport.fileTab'),
            children: (
              <>
                <Upload.Dragger
                  accept={[...PLAN_FILE_TYPES, ...PLAN_MEDIA_TYPES].join(',')}
                  multiple={false}
                  showUploadList={false}
                  disabled={sendFile.isPending}
                  beforeUpload={(file) => {
                    sendFile.mutate(file);
                    return false;
                  }}
                  data-testid="plan-import-file"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('planImport.drop')}</p>
                  <p className="ant-upload-hint">{t('planImport.dropHint')}</p>
                </Upload.Dragger>
                {upload && (sendFile.isPending || sendFile.isSuccess) && (
                  <div style={{ marginTop: 12 }} data-testid="plan-import-progress">
                    <Typography.Text type="secondary">
                      {upload.percent < 100 ? t('planImport.uploading', { name: upload.name }) : t('planImport.parsing', { name: upload.name })}
                    </Typography.Text>
                    <Progress percent={upload.percent} status={uploading ? 'active' : 'normal'} size="small" />
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'paste',
            label: t('planImport.pasteTab'),
            children: (
              <Form<PastedPlan> form={form} layout="vertical" requiredMark={false} name="plan-paste">
                <Form.Item name="text" label={t('planImport.text')} rules={[{ required: true, whitespace: true, message: t('planImport.textRequired') }]}>
                  <Input.TextArea
                    autoSize={{ minRows: 10, maxRows: 18 }}
                    placeholder={t('planImport.textPlaceholder')}
                    data-testid="plan-import-text"
                  />
                </Form.Item>
                <Form.Item name="filename" label={t('planImport.filename')} extra={t('planImport.filenameHelp')} style={{ marginBottom: 0 }}>
                  <Input maxLength={200} />
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />
    </Modal>
  );
}

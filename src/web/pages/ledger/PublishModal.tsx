import { Alert, Button, Descriptions, Flex, Form, Input, List, Modal, Result, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api';
import type { PlanView } from '../../../contract/plans';
import { counted, testId } from './ledger-ui';
import { usePublish } from './queries';
import type { PublishResult, TaskChange } from './queries';

const KIND_COLOR: Record<TaskChange['kind'], string> = { added: 'green', changed: 'gold', removed: 'red', kept: 'blue' };

/** What a publication changed in the ledger, one line per task: added, changed (which parts) or removed. */
export function ChangeList({ changes }: { changes: TaskChange[] }) {
  const { t } = useTranslation('ledger');
  return (
    <List
      size="small"
      bordered
      dataSource={changes}
      style={{ maxHeight: 280, overflowY: 'auto' }}
      data-testid="publish-changes"
      renderItem={(c) => (
        <List.Item>
          <Flex gap={6} wrap align="center">
            <Tag color={KIND_COLOR[c.kind]}>{t(`publish.kind.${c.kind}`)}</Tag>
            {c.taskId !== null && c.kind !== 'removed' ? (
              <Link to={`/ledger/tasks/${c.taskId}`}>{c.itemOrdinal !== null ? t('publish.item', { n: c.itemOrdinal }) : c.key}</Link>
            ) : (
              <Typography.Text>{c.itemOrdinal !== null ? t('publish.item', { n: c.itemOrdinal }) : c.key}</Typography.Text>
            )}
            {c.fields.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('publish.fieldsChanged', { fields: c.fields.map((f) => t(`publish.field.${f}`)).join(t('publish.listSeparator')) })}
              </Typography.Text>
            )}
            {c.hasReports && <Tag color="volcano">{t('publish.hasReports')}</Tag>}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The changes a 409 plan_has_reports lists (`details.changes`), if the error is one. */
function blockedChanges(error: Error | null): TaskChange[] | null {
  if (!isApiError(error) || error.code !== 'plan_has_reports') return null;
  const details = error.details as { changes?: TaskChange[] } | undefined;
  return Array.isArray(details?.changes) ? details.changes : [];
}

/**
 * 印发: the office publishes a plan version as final and the ledger is made from it (a later
 * version re-links the tasks by item). The answer — how many tasks, what changed — is shown in
 * place; a change to tasks that already have reports is listed and needs the office's confirmation.
 */
export default function PublishModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const navigate = useNavigate();
  const publish = usePublish(plan.id);
  const [form] = Form.useForm<{ version: number; dueDate?: string }>();
  const [result, setResult] = useState<PublishResult | null>(null);
  const chosen = Form.useWatch('version', form) ?? plan.version.number;
  const blocked = blockedChanges(publish.error);
  const republishing = plan.publishedVersion !== null;

  const send = (confirmChanges: boolean) =>
    void form.validateFields().then((v) =>
      publish.mutate({ version: v.version, dueDate: v.dueDate || undefined, ...(confirmChanges && { confirmChanges: true }) }, { onSuccess: setResult }),
    );

  if (result) {
    return (
      <Modal open title={t('publish.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('publish.close')}</Button>} destroyOnHidden>
        <div data-testid="publish-result">
          <Result
            status="success"
            title={t(result.firstPublication ? 'publish.doneFirst' : 'publish.doneAgain', { version: result.version })}
            subTitle={t('publish.counts', { tasks: result.tasks, created: result.created, updated: result.updated, removed: result.removed })}
            extra={
              <Button type="primary" onClick={() => void navigate(`/ledger?plan=${result.planId}`)} data-testid="publish-open-ledger">
                {t('publish.openLedger')}
              </Button>
            }
            style={{ padding: '8px 0' }}
          />
          {!result.firstPublication &&
            (result.changes.length > 0 ? (
              <>
                <Typography.Text strong>{counted(t('publish.changes'), result.changes.length)}</Typography.Text>
                <ChangeList changes={result.changes} />
              </>
            ) : (
              <Typography.Text type="secondary">{t('publish.noChanges')}</Typography.Text>
            ))}
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={620}
      title={t('publish.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {blocked ? (
            <Button type="primary" danger loading={publish.isPending} onClick={() => send(true)} {...testId('publish-confirm-changes')}>
              {t('publish.confirmChanges')}
            </Button>
          ) : (
            <Button type="primary" loading={publish.isPending} onClick={() => send(false)} {...testId('publish-ok')}>
              {t('publish.ok')}
            </Button>
          )}
        </Flex>
      }
    >
      <div data-testid="publish-modal">
        <Typography.Paragraph>{republishing ? t('publish.againBody', { version: plan.publishedVersion }) : t('publish.body')}</Typography.Paragraph>
        {blocked && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={publish.error?.message}
            description={
              <Flex vertical gap={8}>
                <Typography.Text>{t('publish.blockedHint')}</Typography.Text>
                <ChangeList changes={blocked} />
              </Flex>
            }
            data-testid="publish-blocked"
          />
        )}
        {publish.error && !blocked && <Alert type="error" showIcon title={publish.error.message} style={{ marginBottom: 12 }} data-testid="publish-error" />}
        <Form form={form} layout="vertical" initialValues={{ version: plan.version.number }} onValuesChange={() => publish.reset()}>
          <Form.Item name="version" label={t('publish.version')}>
            <Select
              options={plan.versions.map((v) => ({
                value: v.number,
                label: `${t('publish.versionN', { n: v.number })}${v.status === 'final' ? ` · ${t('publish.final')}` : ''}${v.number === plan.publishedVersion ? ` · ${t('publish.published')}` : ''}`,
              }))}
              data-testid="publish-version"
            />
          </Form.Item>
          <Form.Item name="dueDate" label={t('publish.dueDate')} extra={t('publish.dueDateHelp')}>
            <Input type="date" style={{ maxWidth: 200 }} data-testid="publish-due" />
          </Form.Item>
        </Form>
        <Descriptions
          size="small"
          column={1}
          items={[
            ...(chosen === plan.version.number ? [{ key: 'items', label: t('publish.items'), children: plan.items.length }] : []),
            { key: 'notice', label: t('publish.after'), children: t('publish.afterWords') },
          ]}
        />
      </div>
    </Modal>
  );
}

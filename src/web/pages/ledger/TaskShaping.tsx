import { DeleteOutlined, FileOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime, testId } from './ledger-ui';
import { useRemoveAttachment, useUpdateTask, useUploadTaskEvidence } from './queries';
import type { TaskDetail, UpdateTaskInput } from './queries';

type Milestone = NonNullable<UpdateTaskInput['milestones']>[number];

/** The office changes a task's title, due date and milestones (节点); the server audits the old values. */
export function ScheduleModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const update = useUpdateTask(task.id);
  const [form] = Form.useForm<{ title: string; dueDate: string; milestones: Partial<Milestone>[] }>();
  return (
    <Modal
      open
      width={600}
      title={t('schedule.title')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: update.isPending, ...testId('schedule-ok') }}
      onOk={() =>
        void form.validateFields().then((v) => {
          const milestones = (v.milestones ?? [])
            .filter((m): m is Milestone => Boolean(m.date) && Boolean(m.title?.trim()))
            .map((m) => ({ date: m.date, title: m.title.trim() }))
            .sort((a, b) => a.date.localeCompare(b.date));
          update.mutate(
            { title: v.title.trim() !== task.title ? v.title.trim() : undefined, dueDate: v.dueDate !== task.dueDate ? v.dueDate : undefined, milestones },
            {
              onSuccess: () => {
                void message.success(t('schedule.saved'));
                onClose();
              },
            },
          );
        })
      }
      destroyOnHidden
    >
      <div data-testid="schedule-modal">
        {update.error && <Alert type="error" showIcon title={update.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ title: task.title, dueDate: task.dueDate, milestones: task.milestones }}>
          <Form.Item name="title" label={t('schedule.taskTitle')} rules={[{ required: true, whitespace: true, message: t('schedule.taskTitle') }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('task.dueDate')} extra={t('schedule.dueHelp')} rules={[{ required: true, message: t('task.dueDate') }]}>
            <Input type="date" style={{ maxWidth: 200 }} data-testid="schedule-due" />
          </Form.Item>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                <Typography.Text>{t('schedule.milestones')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('schedule.milestonesHelp')}
                </Typography.Text>
                {fields.map((field) => (
                  <Flex key={field.key} gap={6} align="baseline" wrap>
                    <Form.Item name={[field.name, 'date']} style={{ marginBottom: 8 }} rules={[{ required: true, message: t('schedule.milestoneDate') }]}>
                      <Input type="date" aria-label={t('schedule.milestoneDate')} data-testid={`milestone-date-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']} style={{ flex: '1 1 200px', marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('schedule.milestoneTitle') }]}>
                      <Input maxLength={200} placeholder={t('schedule.milestoneTitle')} aria-label={t('schedule.milestoneTitle')} data-testid={`milestone-title-${field.name}`} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('shape.removeRow')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} {...testId('milestone-add')}>
                  {t('schedule.addMilestone')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      </div>
    </Modal>
  );
}

/**
 * 销号佐证: the evidence kept on the task. The office uploads it (with the share sent shown as it
 * goes) and removes it; everyone who may read the task downloads it.
 */
export function EvidenceCard({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const upload = useUploadTaskEvidence(task.id, (share) => setProgress((p) => (p ? { ...p, percent: Math.round(share * 100) } : p)));
  const remove = useRemoveAttachment();
  const manage = task.can.manage;
  if (!manage && task.evidence.length === 0) return null;
  return (
    <Card size="small" title={t('task.evidence')} data-testid="task-evidence">
      <Flex vertical gap={6}>
        {task.evidence.length === 0 && <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>}
        {task.evidence.map((a) => (
          <Flex key={a.id} gap={8} align="center" wrap data-testid="task-evidence-file">
            <a href={`/api/attachments/${a.id}`}>
              <FileOutlined /> {a.filename}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evidence.size', { size: Math.max(1, Math.round(a.byteSize / 1024)) })} · {formatTime(a.createdAt)}
            </Typography.Text>
            {manage && (
              <Popconfirm title={t('evidence.removeConfirm', { name: a.filename })} okText={t('evidence.remove')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(a.id, { onError: (e) => void message.error(e.message) })}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('evidence.remove')} />
              </Popconfirm>
            )}
          </Flex>
        ))}
        {manage && (
          <>
            <Upload
              showUploadList={false}
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps"
              beforeUpload={(file) => {
                setProgress({ name: file.name, percent: 0 });
                upload.mutate(file, {
                  onSuccess: () => {
                    void message.success(t('evidence.uploaded', { name: file.name }));
                    setProgress(null);
                  },
                  onError: (e) => {
                    void message.error(e.message);
                    setProgress(null);
                  },
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} {...testId('task-evidence-upload')}>
                {t('evidence.upload')}
              </Button>
            </Upload>
            {progress && (
              <Flex vertical data-testid="task-evidence-progress">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('evidence.uploading', { name: progress.name })}
                </Typography.Text>
                <Progress percent={progress.percent} status="active" size="small" />
              </Flex>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evidence.hint')}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Card>
  );
}

import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId, useUnitNames } from './ledger-ui';
import { useIssueNotice } from './queries';
import type { NoticeLevel, TaskDetail } from './queries';

const LEVELS: readonly NoticeLevel[] = ['blue', 'yellow', 'red'];

/** The office issues a 督办 on a task to one of its units (the lead unit unless chosen). */
export default function NoticeModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const issue = useIssueNotice(task.id);
  const unitName = useUnitNames();
  const [form] = Form.useForm<{ level: NoticeLevel; text: string; answerBy: string; unitId: number }>();
  return (
    <Modal
      open
      title={t('notice.issueTitle')}
      onCancel={onClose}
      okButtonProps={{ loading: issue.isPending, ...testId('notice-ok') }}
      onOk={() => void form.validateFields().then((v) => issue.mutate({ ...v, text: v.text.trim() }, { onSuccess: onClose }))}
      destroyOnHidden
    >
      <div data-testid="notice-modal">
        {issue.error && <Alert type="error" showIcon title={issue.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ level: 'yellow', unitId: task.leadUnitId ?? task.unitIds[0] }}>
          <Form.Item name="level" label={t('notice.level')}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`noticeLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('notice.unit')}>
            <Select options={task.unitIds.map((id) => ({ value: id, label: unitName(id) }))} />
          </Form.Item>
          <Form.Item name="text" label={t('notice.text')} rules={[{ required: true, whitespace: true, message: t('notice.text') }]}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="notice-text" />
          </Form.Item>
          <Form.Item name="answerBy" label={t('notice.answerBy')} rules={[{ required: true, message: t('notice.answerBy') }]}>
            <Input type="date" data-testid="notice-answer-by" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

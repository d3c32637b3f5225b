import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { testId } from './ledger-ui';

/** A modal asking for one text (a comment, a reason, an answer), optionally a choice above it; shows the server's refusal in place. */
export default function TextModal<C extends string = never>({
  title,
  label,
  pending,
  error,
  onOk,
  onClose,
  choice,
  testid,
  extra,
}: {
  title: ReactNode;
  label: string;
  pending: boolean;
  error: Error | null;
  onOk: (text: string, choice: C | undefined) => void;
  onClose: () => void;
  choice?: { label: string; options: { value: C; label: string }[]; initial: C } | undefined;
  testid: string;
  extra?: ReactNode;
}) {
  const [form] = Form.useForm<{ text: string; choice?: C }>();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okButtonProps={{ loading: pending, ...testId(`${testid}-ok`) }}
      onOk={() => void form.validateFields().then((v) => onOk(v.text.trim(), v.choice))}
      destroyOnHidden
    >
      <div data-testid={testid}>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
        {extra}
        <Form form={form} layout="vertical" initialValues={{ choice: choice?.initial }}>
          {choice && (
            <Form.Item name="choice" label={choice.label}>
              <Select options={choice.options} />
            </Form.Item>
          )}
          <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: label }]}>
            <Input.TextArea rows={4} maxLength={5000} data-testid={`${testid}-text`} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

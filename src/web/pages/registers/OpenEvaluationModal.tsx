import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../consultations/ui';
import { thresholdsOrdered } from './evaluation-preview';
import { useOpenEvaluation, type EvaluationSummary, type OpenEvaluationBody, type RegisterView } from './queries';

type EvaluationConfig = NonNullable<RegisterView['definition']['evaluation']>;

interface FormValues {
  year: number;
  criteria: { key?: string; name: string; weight: number }[];
  excellent: number;
  pass: number;
  warning: number;
}

/** A key the API accepts for a criterion added here (existing criteria keep theirs). */
function newKey(taken: Set<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`c${n}`)) return `c${n}`;
}

/** The office opens an evaluation year: its criteria and weights, and the grade thresholds (defaults: last year's, else the register's). */
export default function OpenEvaluationModal({
  register,
  config,
  latest,
  onClose,
}: {
  register: RegisterView;
  config: EvaluationConfig;
  latest: EvaluationSummary | null;
  onClose: (opened: number | null) => void;
}) {
  const { t } = useTranslation('registers');
  const [form] = Form.useForm<FormValues>();
  const open = useOpenEvaluation(register.id);
  const base = latest ?? config;
  const initial: FormValues = {
    year: latest ? latest.year + 1 : new Date().getFullYear(),
    criteria: base.criteria.map((c) => ({ ...c })),
    ...base.thresholds,
  };

  const submit = (values: FormValues) => {
    const taken = new Set(values.criteria.map((c) => c.key).filter((k): k is string => !!k));
    const criteria = values.criteria.map((c) => {
      const key = c.key ?? newKey(taken);
      taken.add(key);
      return { key, name: c.name.trim(), weight: c.weight };
    });
    const body: OpenEvaluationBody = { year: values.year, criteria, thresholds: { excellent: values.excellent, pass: values.pass, warning: values.warning } };
    open.mutate(body, { onSuccess: (evaluation) => onClose(evaluation.id) });
  };

  return (
    <Modal
      open
      title={t('evaluation.openTitle', { name: register.name })}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      okText={t('evaluation.openOk')}
      cancelText={t('register.cancel')}
      confirmLoading={open.isPending}
      destroyOnHidden
      width={620}
      okButtonProps={testId('evaluation-open-ok')}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="year" label={t('evaluation.yearLabel')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="evaluation-open-year" />
        </Form.Item>
        <Typography.Text strong>{t('evaluation.criteria')}</Typography.Text>
        <Form.List name="criteria">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item name={[item.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[item.name, 'name']} rules={[{ required: true, whitespace: true, max: 60 }]} style={{ flex: 1 }}>
                    <Input placeholder={t('evaluation.criterionName')} aria-label={t('evaluation.criterionName')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0.1} max={100} addonAfter={t('evaluation.weight')} aria-label={t('evaluation.weight')} style={{ width: 140 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} disabled={items.length <= 1} onClick={() => remove(item.name)} aria-label={t('evaluation.removeCriterion')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 10 })} style={{ marginBottom: 16 }} disabled={items.length >= 20}>
                {t('evaluation.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Text strong style={{ display: 'block' }}>
          {t('evaluation.thresholds')}
        </Typography.Text>
        <Typography.Paragraph type="secondary">{t('evaluation.thresholdHint')}</Typography.Paragraph>
        <Space wrap>
          {(['excellent', 'pass', 'warning'] as const).map((g) => (
            <Form.Item key={g} name={g} label={t(`evaluation.grade.${g}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} data-testid={`evaluation-threshold-${g}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item
          shouldUpdate
          noStyle
        >
          {() => {
            const v = form.getFieldsValue(['excellent', 'pass', 'warning']) as Pick<FormValues, 'excellent' | 'pass' | 'warning'>;
            return [v.excellent, v.pass, v.warning].every((n) => typeof n === 'number') && !thresholdsOrdered(v) ? (
              <Alert type="warning" showIcon title={t('evaluation.thresholdOrder')} style={{ marginBottom: 12 }} />
            ) : null;
          }}
        </Form.Item>
        {open.error && <Alert type="error" showIcon title={open.error.message} data-testid="evaluation-open-error" />}
      </Form>
    </Modal>
  );
}

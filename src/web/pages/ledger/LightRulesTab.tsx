import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LIGHT_RULES } from '../../../contract/enums';
import { LIGHT_ORDER } from './ledger-view';
import { LightTag, testId } from './ledger-ui';
import { useLightRules, useSetLightRules } from './queries';
import type { Light, LightRules } from './queries';

/** The rules in words, with the plan's thresholds in them: what makes a task green, yellow or red. */
export function LightRuleWords({ rules }: { rules: LightRules }) {
  const { t } = useTranslation('ledger');
  const params = { yellow: rules.yellowBehind, red: rules.redBehind, missing: rules.missingForRed };
  const words: Record<Light, string> = { green: t('rules.green', params), yellow: t('rules.yellow', params), red: t('rules.red', params) };
  return (
    <Flex vertical gap={8} data-testid="light-rule-words">
      {[...LIGHT_ORDER].reverse().map((light) => (
        <Flex key={light} gap={8} align="flex-start">
          <span style={{ flex: 'none' }}>
            <LightTag light={light} />
          </span>
          <Typography.Text>{words[light]}</Typography.Text>
        </Flex>
      ))}
      <Typography.Text type="secondary">{t('rules.expected')}</Typography.Text>
      <Typography.Text type="secondary">{t('rules.always')}</Typography.Text>
    </Flex>
  );
}

/**
 * 亮灯规则: the plan's thresholds explained in words. The office that owns the plan changes them
 * (PUT …/light-rules); everybody else reads them.
 */
export default function LightRulesTab({ planId, editable }: { planId: number; editable: boolean }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const stored = useLightRules(planId);
  const save = useSetLightRules(planId);
  const [form] = Form.useForm<LightRules>();
  const typed = Form.useWatch([], form) as Partial<LightRules> | undefined;
  if (stored.isPending) return <Skeleton active />;
  if (stored.isError) return <Alert type="error" showIcon title={stored.error.message} />;
  const current = stored.data;
  const shown: LightRules = {
    yellowBehind: typed?.yellowBehind ?? current.yellowBehind,
    redBehind: typed?.redBehind ?? current.redBehind,
    missingForRed: typed?.missingForRed ?? current.missingForRed,
  };
  const isDefault = current.yellowBehind === DEFAULT_LIGHT_RULES.yellowBehind && current.redBehind === DEFAULT_LIGHT_RULES.redBehind && current.missingForRed === DEFAULT_LIGHT_RULES.missingForRed;
  return (
    <Flex vertical gap={12} data-testid="light-rules">
      <Card
        size="small"
        title={t('rules.title')}
        extra={<Tag color={isDefault ? 'default' : 'blue'}>{isDefault ? t('rules.defaults') : t('rules.custom')}</Tag>}
      >
        <LightRuleWords rules={editable ? shown : current} />
      </Card>
      <Card size="small" title={editable ? t('rules.change') : t('rules.thresholds')}>
        {editable ? (
          <Form<LightRules>
            form={form}
            layout="vertical"
            initialValues={current}
            onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('rules.saved')) })}
            style={{ maxWidth: 520 }}
          >
            {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
            <Form.Item name="yellowBehind" label={t('rules.yellowBehind')} extra={t('rules.yellowBehindHelp')} rules={[{ required: true, message: t('rules.yellowBehind') }]}>
              <InputNumber min={0} max={100} suffix={t('rules.points')} style={{ width: 180 }} {...testId('rules-yellow')} />
            </Form.Item>
            <Form.Item
              name="redBehind"
              label={t('rules.redBehind')}
              extra={t('rules.redBehindHelp')}
              dependencies={['yellowBehind']}
              rules={[
                { required: true, message: t('rules.redBehind') },
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    value === null || value === undefined || value >= (getFieldValue('yellowBehind') as number) ? Promise.resolve() : Promise.reject(new Error(t('rules.redBelowYellow'))),
                }),
              ]}
            >
              <InputNumber min={0} max={100} suffix={t('rules.points')} style={{ width: 180 }} {...testId('rules-red')} />
            </Form.Item>
            <Form.Item name="missingForRed" label={t('rules.missingForRed')} extra={t('rules.missingForRedHelp')} rules={[{ required: true, message: t('rules.missingForRed') }]}>
              <InputNumber min={1} max={12} precision={0} suffix={t('rules.times')} style={{ width: 180 }} {...testId('rules-missing')} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={save.isPending} {...testId('rules-save')}>
                {t('rules.save')}
              </Button>
              <Button onClick={() => form.setFieldsValue(DEFAULT_LIGHT_RULES)}>{t('rules.restoreDefaults')}</Button>
            </Flex>
          </Form>
        ) : (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'y', label: t('rules.yellowBehind'), children: `${current.yellowBehind} ${t('rules.points')}` },
              { key: 'r', label: t('rules.redBehind'), children: `${current.redBehind} ${t('rules.points')}` },
              { key: 'm', label: t('rules.missingForRed'), children: `${current.missingForRed} ${t('rules.times')}` },
            ]}
          />
        )}
        {!editable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rules.readOnly')}
          </Typography.Text>
        )}
      </Card>
    </Flex>
  );
}

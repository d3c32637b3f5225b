import { App, Alert, Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CoverLetter } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';
import { useUnits } from '../../unit-queries';
import { usePlan, usePlans } from '../plans/plan-queries';
import { useOpenConsultation } from './queries';
import { testId } from './ui';

interface FormValues {
  planId: number | null;
  deadline: Dayjs | null;
  members: number[];
  others: number[];
  contact: string;
  instructions: string;
  reminderDays: number;
  missingAsNoOpinion: boolean;
}

const DEFAULT_INSTRUCTIONS = '请注明签发人并加盖单位公章（电子签章）后反馈。';

/** The contact line the server would take from the cover letter: names, phones, faxes, e-mails. */
export function contactFromLetter(letter: CoverLetter | null, faxLabel: (fax: string) => string): string {
  if (!letter) return '';
  return [
    ...letter.contacts.map((c) => [c.name, ...c.phones, ...c.faxes.map(faxLabel)].join(' ')),
    ...letter.emails,
  ].join('；');
}

function Body({ planId, members, others, onClose }: { planId: number | null; members: Unit[]; others: Unit[]; onClose: () => void }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const plans = usePlans();
  const chosenPlan = Form.useWatch('planId', form) ?? planId;
  const plan = usePlan(chosenPlan ?? null, null);
  const open = useOpenConsultation(chosenPlan ?? 0);
  const deadline = Form.useWatch('deadline', form);
  const [prefilledFor, setPrefilledFor] = useState<number | null>(null);

  // The cover letter of the chosen plan fills in the deadline and the contact, once per plan.
  useEffect(() => {
    if (!plan.data || prefilledFor === plan.data.id) return;
    const letter = plan.data.letter;
    form.setFieldsValue({
      deadline: letter?.deadline ? dayjs(letter.deadline) : null,
      contact: contactFromLetter(letter, (fax) => t('open.faxSuffix', { fax })),
    });
    setPrefilledFor(plan.data.id);
  }, [plan.data, prefilledFor, form, t]);

  // One click for all 14 市州, or all 县市区 of one 市州: members are ticked, the rest added to the list.
  const allUnits = [...members, ...others];
  const prefectures = allUnits.filter((u) => u.kind === 'prefecture');
  const addUnits = (units: Unit[]) => {
    const memberIds = new Set(members.map((u) => u.id));
    const current = { members: (form.getFieldValue('members') as number[] | undefined) ?? [], others: (form.getFieldValue('others') as number[] | undefined) ?? [] };
    form.setFieldsValue({
      members: [...new Set([...current.members, ...units.filter((u) => memberIds.has(u.id)).map((u) => u.id)])],
      others: [...new Set([...current.others, ...units.filter((u) => !memberIds.has(u.id)).map((u) => u.id)])],
    });
  };

  const submit = async () => {
    const values = await form.validateFields();
    const recipients = [...values.members, ...values.others];
    const created = await open.mutateAsync({
      deadline: values.deadline!.format('YYYY-MM-DD'),
      recipientUnitIds: recipients,
      contact: values.contact.trim(),
      instructions: values.instructions.trim(),
      reminderDays: values.reminderDays,
      missingAsNoOpinion: values.missingAsNoOpinion,
    });
    void message.success(t('open.done', { count: created.recipients.length }));
    onClose();
    void navigate(`/consultations/${created.id}`);
  };

  const past = deadline && deadline.isBefore(dayjs(), 'day');
  return (
    <Modal
      open
      width={760}
      title={t('open.title')}
      onCancel={onClose}
      okText={t('open.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: open.isPending, disabled: !chosenPlan, ...testId('open-submit') }}
      onOk={() => void submit().catch(() => undefined)}
      destroyOnHidden
    >
      {open.error && <Alert type="error" showIcon title={open.error.message} style={{ marginBottom: 12 }} data-testid="open-error" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="open-consultation"
        initialValues={{
          planId,
          deadline: null,
          members: members.map((u) => u.id),
          others: [],
          contact: '',
          instructions: DEFAULT_INSTRUCTIONS,
          reminderDays: 3,
          missingAsNoOpinion: true,
        }}
      >
        <Form.Item
          name="planId"
          label={t('open.plan')}
          rules={[{ required: true, message: t('open.planRequired') }]}
          extra={plan.data && t('open.planVersion', { n: plan.data.version.number })}
        >
          <Select
            disabled={planId !== null}
            loading={plans.isPending}
            placeholder={t('open.planPlaceholder')}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            // Until the list loads, name the chosen plan rather than show its bare id.
            labelRender={({ label, value }) => label ?? (plan.data && plan.data.id === value ? plan.data.title : '…')}
            data-testid="open-plan"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <Form.Item
              name="deadline"
              label={t('open.deadline')}
              rules={[{ required: true, message: t('open.deadlineRequired') }]}
              extra={past ? <Typography.Text type="warning">{t('open.deadlinePast')}</Typography.Text> : t('open.deadlineHelp')}
            >
              <DatePicker style={{ width: '100%' }} data-testid="open-deadline" />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="reminderDays" label={t('open.reminderDays')} extra={t('open.reminderDaysHelp')}>
              <InputNumber min={0} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="missingAsNoOpinion" label={t('open.missingAsNoOpinion')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('open.members', { count: members.length })}
          required
          style={{ marginBottom: 8 }}
        >
          <Form.Item
            name="members"
            noStyle
            dependencies={['others']}
            rules={[
              {
                validator: async () => {
                  const chosen = [...(form.getFieldValue('members') as number[]), ...(form.getFieldValue('others') as number[])];
                  if (chosen.length === 0) throw new Error(t('open.recipientsRequired'));
                },
              },
            ]}
          >
            <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: '4px 8px' }} data-testid="open-members">
              {members.map((unit) => (
                <Checkbox key={unit.id} value={unit.id}>
                  {unit.shortName}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Flex gap={8} style={{ marginTop: 6 }}>
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => form.setFieldValue('members', members.map((u) => u.id))}>
              {t('open.selectAll')}
            </Button>
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => form.setFieldValue('members', [])}>
              {t('open.selectNone')}
            </Button>
          </Flex>
        </Form.Item>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => addUnits(prefectures)} data-testid="open-all-prefectures">
            {t('open.allPrefectures', { count: prefectures.length })}
          </Button>
          <Select<number>
            size="small"
            placeholder={t('open.countiesOf')}
            value={null}
            style={{ minWidth: 200 }}
            options={prefectures.map((u) => ({ value: u.id, label: t('open.countiesOfOne', { name: u.shortName }) }))}
            onChange={(id) => addUnits(allUnits.filter((u) => u.kind === 'county' && u.parentId === id))}
            data-testid="open-counties-of"
          />
        </Flex>
        <Form.Item name="others" label={t('open.others')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('open.othersPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={others.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="contact" label={t('open.contact')} extra={t('open.contactHelp')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="instructions" label={t('open.instructions')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office sends a plan out for comment: deadline and contact from its cover letter, recipients the member units. */
export default function OpenConsultationModal({ planId, onClose }: { planId: number | null; onClose: () => void }) {
  const units = useUnits();
  const [members, others] = useMemo(() => {
    const all = units.data ?? [];
    return [all.filter((u) => u.member), all.filter((u) => !u.member)];
  }, [units.data]);
  // The form's initial values need the member units: wait for the registry.
  if (!units.data) return null;
  return <Body planId={planId} members={members} others={others} onClose={onClose} />;
}

import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import UnitSelect from '../../components/UnitSelect';
import type { Span } from '../../../contract/common';
import { COMPARATORS, RESPONSIBLE_ROLES } from '../../../contract/enums';
import type { FactKind, PlanItem, PlanResponsible, PlanTarget, PlanView, TargetGuess } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';
import { guessResponsible } from './facts';
import { responsibleChanges, responsibleValues, targetChanges, targetValues, type FactFormValues } from './fact-values';
import { useEditPlanFact, useTargetGuess } from './plan-queries';

/** What the editor opens on: an existing fact to correct, or selected text to add as a fact. */
export type FactEditorTarget =
  | { op: 'update'; kind: 'responsible'; item: PlanItem; fact: PlanResponsible }
  | { op: 'update'; kind: 'target'; item: PlanItem; fact: PlanTarget }
  | { op: 'add'; kind: FactKind; item: PlanItem; span: Span };

export function editorSpan(target: FactEditorTarget): Span {
  return target.op === 'add' ? target.span : target.fact.span;
}

function initialValues(target: FactEditorTarget, raw: string, units: readonly Unit[]): FactFormValues {
  if (target.op === 'update') {
    if (target.kind === 'responsible') return { unitId: target.fact.unitId, role: target.fact.role };
    const { value, max, unit, comparator, subject, scope, year } = target.fact;
    return { value, max, unit, comparator, subject, scope, year };
  }
  if (target.kind === 'responsible') return guessResponsible(units, raw);
  return { value: null, max: null, unit: '', comparator: '=' };
}

/** The parser's reading of the selected passage, as form values. */
function guessedValues(guess: TargetGuess): FactFormValues {
  return { value: guess.value ?? null, max: guess.max ?? null, unit: guess.unit ?? '', comparator: guess.comparator };
}

interface FactEditorModalProps {
  plan: PlanView;
  /** The version in the page's address (null for the current one): the cache entry to update. */
  version: number | null;
  target: FactEditorTarget;
  units: readonly Unit[];
  onClose: () => void;
}

/** Correct a fact (unit, role; value, bounds, unit of measure, comparator, subject, scope, year), remove it, or add one. */
export default function FactEditorModal({ plan, version, target, units, onClose }: FactEditorModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactFormValues>();
  const edit = useEditPlanFact(plan.id, version);
  const span = editorSpan(target);
  const raw = plan.text.slice(span[0], span[1]);
  const initial = useMemo(() => initialValues(target, raw, units), [target, raw, units]);
  const comparator = Form.useWatch('comparator', form);
  // A new target is prefilled by the parser's own grammar (asked of the server), unless the person has started typing.
  const guess = useTargetGuess(target.op === 'add' && target.kind === 'target' ? raw : null).data;
  useEffect(() => {
    if (guess && !form.isFieldsTouched()) form.setFieldsValue(guessedValues(guess));
  }, [guess, form]);

  const title =
    target.op === 'add'
      ? t(target.kind === 'responsible' ? 'factEditor.addResponsible' : 'factEditor.addTarget')
      : t(target.kind === 'responsible' ? 'factEditor.editResponsible' : 'factEditor.editTarget');

  const send = (op: 'update' | 'remove' | 'add', values: object | undefined, done: string) =>
    edit.mutate(
      { op, itemOrdinal: target.item.ordinal, kind: target.kind, span, version: plan.version.number, ...(values && { values }) },
      {
        onSuccess: () => {
          void message.success(done);
          onClose();
        },
      },
    );

  const save = async () => {
    const values = await form.validateFields();
    if (target.op === 'add') {
      send('add', target.kind === 'responsible' ? responsibleValues(values) : targetValues(values), t('factEditor.saved'));
      return;
    }
    const changes = target.kind === 'responsible' ? responsibleChanges(target.fact, values) : targetChanges(target.fact, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('factEditor.unchanged'));
      onClose();
      return;
    }
    send('update', changes, t('factEditor.saved'));
  };

  return (
    <Modal
      open
      width={target.kind === 'target' ? 640 : 520}
      title={title}
      onCancel={onClose}
      footer={
        <Flex justify="space-between">
          <div>
            {target.op === 'update' && (
              <Popconfirm
                title={t('factEditor.removeConfirm')}
                okText={t('factEditor.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => send('remove', undefined, t('factEditor.removed'))}
              >
                <Button danger icon={<DeleteOutlined />} disabled={edit.isPending} data-testid="fact-remove">
                  {t('factEditor.remove')}
                </Button>
              </Popconfirm>
            )}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={edit.isPending} onClick={() => void save().catch(() => undefined)} data-testid="fact-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <div data-testid="fact-editor">
        {edit.error && <Alert type="error" showIcon title={edit.error.message} style={{ marginBottom: 16 }} />}
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'quote', label: t('factEditor.quote'), children: <mark className="luoshi-hit" data-testid="fact-editor-quote">{raw}</mark> },
            { key: 'item', label: t('factEditor.item'), children: `${target.item.number} ${target.item.title}` },
          ]}
        />
        <Form<FactFormValues> form={form} layout="vertical" requiredMark={false} initialValues={initial} name="fact">
          {target.kind === 'responsible' ? (
            <>
              <Form.Item name="unitId" label={t('factEditor.unit')}>
                <UnitSelect units={units} allowClear placeholder={t('factEditor.unitPlaceholder')} />
              </Form.Item>
              <Form.Item name="role" label={t('factEditor.role')} rules={[{ required: true, message: t('factEditor.roleRequired') }]}>
                <Radio.Group
                  optionType="button"
                  options={RESPONSIBLE_ROLES.map((role) => ({ value: role, label: t(`plan.role.${role}`) }))}
                />
              </Form.Item>
            </>
          ) : (
            <>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="comparator" label={t('factEditor.comparator')}>
                    <Select options={COMPARATORS.map((c) => ({ value: c, label: t(`factEditor.comparators.${c}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={comparator === 'range' ? 5 : 10}>
                  <Form.Item name="value" label={t('factEditor.value')} rules={[{ required: true, message: t('factEditor.valueRequired') }]}>
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {comparator === 'range' && (
                  <Col span={5}>
                    <Form.Item name="max" label={t('factEditor.max')} rules={[{ required: true, message: t('factEditor.maxRequired') }]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                )}
                <Col span={6}>
                  <Form.Item
                    name="unit"
                    label={t('factEditor.measure')}
                    rules={[{ required: true, whitespace: true, message: t('factEditor.measureRequired') }]}
                  >
                    <Input maxLength={20} placeholder={t('factEditor.measurePlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="subject" label={t('factEditor.subject')}>
                <Input maxLength={200} placeholder={t('factEditor.subjectPlaceholder')} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={16}>
                  <Form.Item name="scope" label={t('factEditor.scope')}>
                    <Input maxLength={100} placeholder={t('factEditor.scopePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="year" label={t('factEditor.year')}>
                    <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}

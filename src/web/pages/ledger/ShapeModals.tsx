import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import UnitSelect from '../../components/UnitSelect';
import { useUnits } from '../../unit-queries';
import { testId, useOfficeArea } from './ledger-ui';
import { useAddTask, useMergeTasks, useTasks } from './queries';
import type { AddTaskInput, TaskRow } from './queries';

type IndicatorInput = NonNullable<AddTaskInput['indicators']>[number];
interface AddTaskForm {
  title: string;
  text?: string;
  leadUnitId: number;
  cooperatingUnitIds?: number[];
  localityUnitIds?: number[];
  dueDate?: string;
  parentTaskId?: number;
  indicators?: Partial<IndicatorInput>[];
}

const COMPARATORS: IndicatorInput['comparator'][] = ['>=', '<=', '='];

/**
 * 新增任务: the provincial office adds a task the plan's text does not hold; a 市州's office adds
 * a local measure (具体措施) against a provincial task, its units inside the 市州 (the server
 * refuses others, and the unit lists offer only those).
 */
export function AddTaskModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const units = useUnits();
  const tasks = useTasks(planId, {});
  const add = useAddTask(planId);
  const [form] = Form.useForm<AddTaskForm>();
  const all = useMemo(() => units.data ?? [], [units.data]);
  // A 市州's (or 县市区's) office works inside its own area: the unit and everything under it.
  const area = useOfficeArea();
  const local = area !== null;
  const areaName = all.find((u) => u.id === area)?.shortName ?? '';
  const choosable = useMemo(() => {
    if (area === null) return all;
    const parent = new Map(all.map((u) => [u.id, u.parentId]));
    const inside = (id: number) => {
      for (let at: number | null | undefined = id, steps = 0; at != null && steps < 20; at = parent.get(at), steps++) if (at === area) return true;
      return false;
    };
    return all.filter((u) => inside(u.id));
  }, [all, area]);
  const unitOptions = choosable.map((u) => ({ value: u.id, label: u.name }));
  const provincial = (tasks.data ?? []).filter((task) => task.parentTaskId === null);

  const save = (v: AddTaskForm) => {
    const indicators = (v.indicators ?? []).filter((i): i is IndicatorInput => Boolean(i.subject?.trim()) && typeof i.target === 'number' && i.comparator !== undefined);
    add.mutate(
      {
        title: v.title.trim(),
        text: v.text?.trim() || undefined,
        leadUnitId: v.leadUnitId,
        cooperatingUnitIds: v.cooperatingUnitIds?.length ? v.cooperatingUnitIds : undefined,
        localityUnitIds: v.localityUnitIds?.length ? v.localityUnitIds : undefined,
        dueDate: v.dueDate || undefined,
        parentTaskId: v.parentTaskId ?? undefined,
        indicators: indicators.length > 0 ? indicators.map((i) => ({ ...i, subject: i.subject.trim(), unit: (i.unit ?? '').trim() })) : undefined,
      },
      {
        onSuccess: ({ id }) => {
          void message.success(t('shape.added'));
          onClose();
          void navigate(`/ledger/tasks/${id}`);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={680}
      title={local ? t('shape.addLocalTitle') : t('shape.addTitle')}
      onCancel={onClose}
      okText={t('shape.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: add.isPending, ...testId('add-task-ok') }}
      onOk={() => void form.validateFields().then(save)}
      destroyOnHidden
    >
      <div data-testid="add-task-modal">
        <Typography.Paragraph type="secondary">{local ? t('shape.addLocalHint', { unit: areaName }) : t('shape.addHint')}</Typography.Paragraph>
        {add.error && <Alert type="error" showIcon title={add.error.message} style={{ marginBottom: 12 }} data-testid="add-task-error" />}
        <Form form={form} layout="vertical">
          <Form.Item name="parentTaskId" label={t('shape.parent')} extra={t('shape.parentHelp')} rules={local ? [{ required: true, message: t('shape.parent') }] : []}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('shape.parentPlaceholder')}
              options={provincial.map((task: TaskRow) => ({ value: task.id, label: task.title }))}
              data-testid="add-task-parent"
            />
          </Form.Item>
          <Form.Item name="title" label={t('shape.title')} rules={[{ required: true, whitespace: true, message: t('shape.title') }]}>
            <Input maxLength={500} data-testid="add-task-title" />
          </Form.Item>
          <Form.Item name="text" label={t('shape.text')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t('shape.lead')} rules={[{ required: true, message: t('shape.lead') }]}>
            <UnitSelect units={choosable} />
          </Form.Item>
          <Form.Item name="cooperatingUnitIds" label={t('shape.cooperating')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
          </Form.Item>
          <Form.Item name="localityUnitIds" label={t('shape.localities')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('task.dueDate')} extra={t('shape.dueHelp')}>
            <Input type="date" style={{ maxWidth: 200 }} data-testid="add-task-due" />
          </Form.Item>
          <Form.List name="indicators">
            {(fields, { add: addRow, remove }) => (
              <Flex vertical gap={4}>
                <Typography.Text>{t('shape.indicators')}</Typography.Text>
                {fields.map((field) => (
                  <Flex key={field.key} gap={6} wrap align="baseline">
                    <Form.Item name={[field.name, 'subject']} style={{ flex: '2 1 160px', marginBottom: 8 }}>
                      <Input placeholder={t('task.indicatorColumns.subject')} maxLength={200} aria-label={t('task.indicatorColumns.subject')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'comparator']} initialValue=">=" style={{ width: 72, marginBottom: 8 }}>
                      <Select options={COMPARATORS.map((c) => ({ value: c, label: c }))} aria-label={t('shape.comparator')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'target']} style={{ width: 110, marginBottom: 8 }}>
                      <InputNumber placeholder={t('task.indicatorColumns.target')} style={{ width: '100%' }} aria-label={t('task.indicatorColumns.target')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} style={{ width: 80, marginBottom: 8 }}>
                      <Input placeholder={t('shape.unitOfMeasure')} maxLength={20} aria-label={t('shape.unitOfMeasure')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('shape.removeRow')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({ comparator: '>=' })} style={{ alignSelf: 'flex-start' }}>
                  {t('shape.addIndicator')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      </div>
    </Modal>
  );
}

/** 合并: tasks without reports become one (units united, the first task's lead leads). */
export function MergeModal({ planId, tasks, onClose }: { planId: number; tasks: TaskRow[]; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeTasks(planId);
  const [form] = Form.useForm<{ title?: string }>();
  return (
    <Modal
      open
      title={t('shape.mergeTitle', { count: tasks.length })}
      onCancel={onClose}
      okText={t('shape.merge')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: merge.isPending, ...testId('merge-ok') }}
      onOk={() =>
        void form.validateFields().then((v) =>
          merge.mutate(
            { taskIds: tasks.map((task) => task.id), title: v.title?.trim() || undefined },
            {
              onSuccess: ({ id }) => {
                void message.success(t('shape.merged'));
                onClose();
                void navigate(`/ledger/tasks/${id}`);
              },
            },
          ),
        )
      }
      destroyOnHidden
    >
      <div data-testid="merge-modal">
        {merge.error && <Alert type="error" showIcon title={merge.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{t('shape.mergeHint')}</Typography.Paragraph>
        <ol style={{ paddingInlineStart: 20 }}>
          {tasks.map((task) => (
            <li key={task.id}>{task.title}</li>
          ))}
        </ol>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('shape.mergedTitle')} extra={t('shape.mergedTitleHelp')}>
            <Input maxLength={500} data-testid="merge-title" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { UNIT_KINDS } from '../../../contract/enums';
import type { Unit, UnitInput, UnitKind } from '../../../contract/units';
import { UNITS_KEY } from '../../unit-queries';
import UnitSelect from '../../components/UnitSelect';

interface UnitFormValues {
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
  kind: UnitKind;
  parentId: number | null;
  divisionCode: string;
  member: boolean;
}

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;
const DIVISION_PATTERN = /^\d{6}$/;

function toInput(values: UnitFormValues): UnitInput {
  const aliases = [...new Set(values.aliases.map((a) => a.trim()).filter(Boolean))];
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    aliases,
    kind: values.kind,
    parentId: values.parentId ?? null,
    divisionCode: values.divisionCode?.trim() ? values.divisionCode.trim() : null,
    member: values.member ?? false,
  };
}

/** Add a unit (`unit` null) or edit one; admins only. */
export default function UnitFormModal({
  unit,
  units,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitFormValues>();
  const save = useMutation({
    mutationFn: (input: UnitInput) => {
      if (!unit) return api.post<Unit>('/api/units', input);
      const { code: _code, ...changes } = input;
      return api.patch<Unit>(`/api/units/${unit.id}`, changes);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: UNITS_KEY });
      void message.success(unit ? t('unitForm.saved') : t('unitForm.created', { name: saved.name }));
      onSaved(saved);
    },
  });

  // A unit cannot sit under itself or under one of its own subordinate units.
  const parentChoices = useMemo(() => {
    if (!unit) return units;
    const excluded = new Set([unit.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units) {
        if (u.parentId !== null && excluded.has(u.parentId) && !excluded.has(u.id)) {
          excluded.add(u.id);
          grew = true;
        }
      }
    }
    return units.filter((u) => !excluded.has(u.id));
  }, [unit, units]);

  const initialValues: Partial<UnitFormValues> = unit
    ? { ...unit, divisionCode: unit.divisionCode ?? '' }
    : { aliases: [], parentId: null, divisionCode: '', member: false };

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(toInput(values));
  };

  return (
    <Modal
      open
      width={620}
      title={unit ? t('unitForm.editTitle', { name: unit.name }) : t('unitForm.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      <Form<UnitFormValues> name="unit" form={form} layout="vertical" initialValues={initialValues} requiredMark="optional">
        <Form.Item
          name="code"
          label={t('units.field.code')}
          extra={t('unitForm.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('unitForm.codeRequired') },
            { pattern: CODE_PATTERN, message: t('unitForm.codePattern') },
          ]}
        >
          <Input disabled={unit !== null} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.field.name')}
          rules={[{ required: true, whitespace: true, message: t('unitForm.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('units.field.shortName')}
          rules={[{ required: true, whitespace: true, message: t('unitForm.shortNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="aliases" label={t('units.field.aliases')} extra={t('unitForm.aliasesHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.field.kind')} rules={[{ required: true, message: t('unitForm.kindRequired') }]}>
          <Select options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.field.parent')}>
          <UnitSelect units={parentChoices} allowClear placeholder={t('unitForm.parentPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('units.field.divisionCode')}
          rules={[{ pattern: DIVISION_PATTERN, message: t('unitForm.divisionCodePattern') }]}
        >
          <Input maxLength={6} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="member" label={t('units.field.member')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

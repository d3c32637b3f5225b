import { Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../consultations/ui';
import type { RegisterDefinitionView } from './queries';

export type Field = RegisterDefinitionView['fields'][number];
export type FieldType = Field['type'];

/** Every field type the API knows (a record, so a new type in the contract fails the type check here). */
const TYPE_SET: Record<FieldType, true> = { text: true, number: true, integer: true, date: true, enum: true, region: true, boolean: true, attachment: true };
export const FIELD_TYPES = Object.keys(TYPE_SET) as FieldType[];

type FormValues = Omit<Field, 'values'> & { values?: string[] };

/** Drops the settings that do not apply to the field's type and the blanks the form leaves. */
export function cleanField(values: FormValues): Field {
  const keep: Record<FieldType, (keyof Field)[]> = {
    text: ['maxLength', 'pattern'],
    attachment: ['maxLength', 'pattern'],
    number: ['min', 'max'],
    integer: ['min', 'max'],
    date: ['minYear', 'maxYear'],
    enum: ['values'],
    region: ['level'],
    boolean: [],
  };
  const out: Record<string, unknown> = { name: values.name.trim(), type: values.type, required: values.required === true, public: values.public === true };
  if (values.nameEn?.trim()) out.nameEn = values.nameEn.trim();
  if (values.note?.trim()) out.note = values.note.trim();
  for (const k of keep[values.type]) {
    const v = values[k];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = Array.isArray(v) ? v.map((s) => String(s).trim()).filter(Boolean) : v;
  }
  return out as Field;
}

/** Adds a field or changes one: its type, whether it is required, its validation, its enum values. */
export default function FieldEditorModal({
  field,
  taken,
  onSave,
  onClose,
}: {
  /** null: a new field. */
  field: Field | null;
  /** Names already used by other fields. */
  taken: string[];
  onSave: (field: Field) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('registers');
  const [form] = Form.useForm<FormValues>();
  const type = Form.useWatch('type', form) ?? field?.type ?? 'text';
  const initial: Partial<FormValues> = field ?? { type: 'text', required: false, public: false };

  return (
    <Modal
      open
      title={field ? t('schema.editField', { name: field.name }) : t('schema.addField')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('schema.apply')}
      cancelText={t('register.cancel')}
      destroyOnHidden
      width={560}
      okButtonProps={testId('field-apply')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => {
          onSave(cleanField({ ...values, name: field?.name ?? values.name }));
          onClose();
        }}
      >
        <Form.Item
          name="name"
          label={t('schema.name')}
          extra={field ? t('schema.nameFixed') : t('schema.nameHint')}
          rules={[
            { required: true, whitespace: true, max: 40 },
            { pattern: /^[^"'\\.[\]$`]+$/, message: t('schema.nameChars') },
            { validator: (_, v: string | undefined) => (v && taken.includes(v.trim()) ? Promise.reject(new Error(t('schema.nameTaken'))) : Promise.resolve()) },
          ]}
        >
          <Input disabled={field !== null} data-testid="field-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('schema.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="type" label={t('schema.type')} rules={[{ required: true }]} extra={field && field.type !== type ? t('schema.typeChange') : undefined}>
          <Select options={FIELD_TYPES.map((v) => ({ value: v, label: t(`schema.types.${v}`) }))} data-testid="field-type" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="required" valuePropName="checked">
            <Checkbox data-testid="field-required">{t('schema.required')}</Checkbox>
          </Form.Item>
          <Form.Item name="public" valuePropName="checked">
            <Checkbox>{t('schema.public')}</Checkbox>
          </Form.Item>
        </Space>
        {(type === 'number' || type === 'integer') && (
          <Space wrap>
            <Form.Item name="min" label={t('schema.min')}>
              <InputNumber data-testid="field-min" />
            </Form.Item>
            <Form.Item name="max" label={t('schema.max')}>
              <InputNumber data-testid="field-max" />
            </Form.Item>
          </Space>
        )}
        {type === 'date' && (
          <Space wrap>
            <Form.Item name="minYear" label={t('schema.minYear')}>
              <InputNumber precision={0} min={1900} max={2200} />
            </Form.Item>
            <Form.Item name="maxYear" label={t('schema.maxYear')}>
              <InputNumber precision={0} min={1900} max={2200} />
            </Form.Item>
          </Space>
        )}
        {(type === 'text' || type === 'attachment') && (
          <>
            <Form.Item name="maxLength" label={t('schema.maxLength')}>
              <InputNumber precision={0} min={1} max={10000} />
            </Form.Item>
            <Form.Item name="pattern" label={t('schema.pattern')} extra={t('schema.patternHint')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        {type === 'enum' && (
          <Form.Item name="values" label={t('schema.values')} extra={t('schema.valuesHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} data-testid="field-values" />
          </Form.Item>
        )}
        {type === 'region' && (
          <Form.Item name="level" label={t('schema.level')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'prefecture', label: t('schema.levels.prefecture') },
                { value: 'county', label: t('schema.levels.county') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('schema.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { CheckCircleOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, List, Space, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import FieldEditorModal, { type Field } from './FieldEditorModal';
import { useDefineRegister, type DefineRegisterResponse, type RegisterDefinitionView, type RegisterView } from './queries';

type InvalidRow = DefineRegisterResponse['invalidRows'][number];

/** One line saying how a field is checked. */
function rules(f: Field, t: TFunction<'registers'>): string {
  const parts: string[] = [];
  if (f.min !== undefined || f.max !== undefined) parts.push(t('schema.rule.range', { min: f.min ?? '−∞', max: f.max ?? '∞' }));
  if (f.minYear !== undefined || f.maxYear !== undefined) parts.push(t('schema.rule.years', { min: f.minYear ?? '…', max: f.maxYear ?? '…' }));
  if (f.maxLength !== undefined) parts.push(t('schema.rule.maxLength', { n: f.maxLength }));
  if (f.pattern) parts.push(t('schema.rule.pattern', { pattern: f.pattern }));
  if (f.values) parts.push(f.values.join(' / '));
  if (f.level) parts.push(t(`schema.levels.${f.level}`));
  return parts.join('；');
}

/**
 * The office's field editor: changes are gathered into a draft definition, checked against the
 * existing rows first (`check=true`: the rows that would no longer validate are listed, nothing
 * is saved), and saved only after that.
 */
export default function SchemaTab({ register }: { register: RegisterView }) {
  const { t } = useTranslation('registers');
  const { message, modal } = App.useApp();
  const [draft, setDraft] = useState<RegisterDefinitionView | null>(null);
  const [editing, setEditing] = useState<Field | 'new' | null>(null);
  const [checked, setChecked] = useState<DefineRegisterResponse | null>(null);
  const define = useDefineRegister(register.id);
  const phone = Grid.useBreakpoint().md === false;
  const definition = draft ?? register.definition;
  const mayDefine = register.permissions.define;

  const change = (next: RegisterDefinitionView) => {
    setDraft(next);
    setChecked(null);
    define.reset();
  };
  const saveField = (field: Field) => {
    const exists = definition.fields.some((f) => f.name === field.name);
    change({ ...definition, fields: exists ? definition.fields.map((f) => (f.name === field.name ? field : f)) : [...definition.fields, field] });
  };
  /**
   * Deleting a field: the definition without it is checked first, so the confirmation can say
   * how many rows hold a value that would be lost; then it is saved (with any other change
   * still in the draft, which the confirmation says too).
   */
  const deleteField = (field: Field) => {
    const next = { ...definition, fields: definition.fields.filter((f) => f.name !== field.name) };
    const otherChanges = draft !== null;
    define.mutate(
      { definition: next, check: true },
      {
        onSuccess: (answer) => {
          const holding = answer.removedFields.find((r) => r.name === field.name)?.rowsWithValue ?? 0;
          modal.confirm({
            title: t('schema.deleteTitle', { name: field.name }),
            content: (
              <Space direction="vertical" size={4} data-testid="field-delete-confirm">
                <span>{holding > 0 ? t('schema.deleteHolding', { count: holding }) : t('schema.deleteEmpty')}</span>
                {answer.invalidCount > 0 && <span>{t('schema.deleteInvalid', { count: answer.invalidCount })}</span>}
                {otherChanges && <span>{t('schema.deleteWithDraft')}</span>}
              </Space>
            ),
            okText: t('schema.deleteOk'),
            okButtonProps: { danger: true, 'data-testid': 'field-delete-ok' } as ButtonProps,
            cancelText: t('register.cancel'),
            onOk: async () => {
              await define.mutateAsync({ definition: next, check: false });
              setDraft(null);
              setChecked(null);
              void message.success(t('schema.deleted', { name: field.name }));
            },
          });
        },
      },
    );
  };
  const same = (a: Field, b: Field | undefined) => b !== undefined && JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
  const changedNames = new Set(definition.fields.filter((f) => !same(f, register.definition.fields.find((o) => o.name === f.name))).map((f) => f.name));

  const nameCell = (f: Field) => (
    <Space size={4} wrap>
      <Typography.Text strong>{f.name}</Typography.Text>
      {f.nameEn && <Typography.Text type="secondary">{f.nameEn}</Typography.Text>}
      {definition.uniqueKey.includes(f.name) && <Tag color="purple">{t('schema.key')}</Tag>}
      {changedNames.has(f.name) && <Tag color="gold">{t('schema.changed')}</Tag>}
    </Space>
  );
  const actions = (f: Field) => (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(f)} aria-label={t('schema.editField', { name: f.name })} data-testid={`field-edit-${f.name}`} />
      {!definition.uniqueKey.includes(f.name) && (
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          loading={define.isPending && define.variables.check && !define.variables.definition.fields.some((o) => o.name === f.name)}
          onClick={() => deleteField(f)}
          aria-label={t('schema.deleteField', { name: f.name })}
          data-testid={`field-delete-${f.name}`}
        />
      )}
    </Space>
  );
  const columns: TableColumnsType<Field> = [
    { key: 'name', title: t('schema.name'), render: (_, f) => nameCell(f) },
    { key: 'type', title: t('schema.type'), width: 100, render: (_, f) => t(`schema.types.${f.type}`) },
    { key: 'required', title: t('schema.required'), width: 70, render: (_, f) => (f.required ? t('register.yes') : t('register.no')) },
    { key: 'rules', title: t('schema.rules'), render: (_, f) => rules(f, t) || '—' },
    { key: 'public', title: t('schema.public'), width: 70, render: (_, f) => (f.public ? t('register.yes') : t('register.no')) },
    ...(mayDefine ? [{ key: 'edit', width: 80, render: (_: unknown, f: Field) => actions(f) }] : []),
  ];
  /** On a phone each field is a short card (no table to scroll sideways): name and buttons, then how it is checked. */
  const fieldCards = (
    <List
      size="small"
      bordered
      dataSource={definition.fields}
      rowKey="name"
      data-testid="schema-fields"
      renderItem={(f) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" align="start" gap={8}>
              {nameCell(f)}
              {mayDefine && actions(f)}
            </Flex>
            <Typography.Text type="secondary">
              {[t(`schema.types.${f.type}`), f.required ? t('schema.required') : t('schema.optional'), f.public ? t('schema.public') : t('schema.notPublic'), rules(f, t)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );

  // Each problem with its cell as Excel names it (F3), so the office can find it in the export.
  const issues = (row: InvalidRow) =>
    row.issues.map((i) => `${i.excelColumn}${row.excelRow} ${i.column}「${i.value === null ? '' : String(i.value)}」${i.message}`).join('；');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{mayDefine ? t('schema.hint') : t('schema.readOnly')}</Typography.Text>
      {phone ? (
        fieldCards
      ) : (
        <div className="register-table-box">
          <Table<Field> size="small" rowKey="name" columns={columns} dataSource={definition.fields} pagination={false} scroll={{ x: 'max-content' }} data-testid="schema-fields" />
        </div>
      )}
      {mayDefine && (
        <Flex gap={8} wrap>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="field-add">
            {t('schema.addField')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={draft === null}
            loading={define.isPending && define.variables.check}
            onClick={() => define.mutate({ definition, check: true }, { onSuccess: setChecked })}
            data-testid="schema-check"
          >
            {t('schema.check')}
          </Button>
          <Button icon={<UndoOutlined />} disabled={draft === null} onClick={() => { setDraft(null); setChecked(null); define.reset(); }}>
            {t('schema.discard')}
          </Button>
        </Flex>
      )}
      {define.error && <Alert type="error" showIcon title={define.error.message} data-testid="schema-error" />}
      {checked && draft && (
        <Card size="small" title={t('schema.checkTitle')} data-testid="schema-check-result">
          {checked.invalidCount === 0 ? (
            <Alert type="success" showIcon title={t('schema.allValid', { count: register.rowCount })} style={{ marginBottom: 12 }} />
          ) : (
            <>
              <Alert
                type="warning"
                showIcon
                title={t('schema.invalid', { count: checked.invalidCount })}
                description={
                  <>
                    <div>{t('schema.invalidHint')}</div>
                    <div>{t('schema.excelHint')}</div>
                  </>
                }
                style={{ marginBottom: 12 }}
              />
              {phone ? (
                <List<InvalidRow>
                  size="small"
                  dataSource={checked.invalidRows}
                  rowKey="id"
                  pagination={{ pageSize: 10, size: 'small' }}
                  style={{ marginBottom: 12 }}
                  data-testid="schema-invalid-rows"
                  renderItem={(r) => (
                    <List.Item>
                      <Flex vertical gap={2}>
                        <Typography.Text strong>{t('schema.rowLine', { row: r.excelRow, key: r.key })}</Typography.Text>
                        <Typography.Text>{issues(r)}</Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Table<InvalidRow>
                  size="small"
                  rowKey="id"
                  dataSource={checked.invalidRows}
                  pagination={{ pageSize: 10 }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { key: 'row', title: t('schema.excelRow'), width: 110, render: (_, r) => r.excelRow },
                    { key: 'key', title: t('schema.rowKey'), render: (_, r) => r.key },
                    { key: 'issues', title: t('import.columns.message'), render: (_, r) => issues(r) },
                  ]}
                  style={{ marginBottom: 12 }}
                  data-testid="schema-invalid-rows"
                />
              )}
            </>
          )}
          {checked.removedFields.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('schema.removedTitle')}
              description={checked.removedFields.map((r) => t('schema.removedField', { name: r.name, count: r.rowsWithValue })).join('；')}
              style={{ marginBottom: 12 }}
              data-testid="schema-removed-fields"
            />
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={define.isPending && !define.variables.check}
            onClick={() =>
              define.mutate(
                { definition, check: false },
                {
                  onSuccess: (answer) => {
                    setDraft(null);
                    setChecked(null);
                    void message.success(t('schema.saved', { count: answer.invalidCount }));
                  },
                },
              )
            }
            data-testid="schema-save"
          >
            {checked.invalidCount === 0 ? t('schema.save') : t('schema.saveAnyway', { count: checked.invalidCount })}
          </Button>
        </Card>
      )}
      {editing && (
        <FieldEditorModal
          field={editing === 'new' ? null : editing}
          taken={definition.fields.map((f) => f.name).filter((n) => editing === 'new' || n !== editing.name)}
          onSave={saveField}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Empty, Form, Input, InputNumber, Select, Space, Tabs, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { changedValues, diffFields, displayValue, type StoredValue } from './field-values';
import { useRegions, useRowHistory, type RegisterRow, type RegisterView } from './queries';
import { formatChinaTime } from '../../format';

type Field = RegisterView['definition']['fields'][number];

/** One row: its values in a form (editable within the user's rights) and its history. */
export default function RowDrawer({ register, row, tab = 'values', onClose }: { register: RegisterView; row: RegisterRow; tab?: 'values' | 'history'; onClose: () => void }) {
  const { t, i18n } = useTranslation('registers');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const history = useRowHistory(register.id, row.id);
  const [form] = Form.useForm();
  const fields = register.definition.fields;
  const en = i18n.language === 'en';

  const save = useMutation({
    mutationFn: (values: Record<string, StoredValue>) => api.patch<RegisterRow>(`/api/registers/${register.id}/rows/${row.id}`, { values, version: row.version }),
    onSuccess: async () => {
      void message.success(t('register.saved'));
      await queryClient.invalidateQueries({ queryKey: ['registers', register.id] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      onClose();
    },
  });

  const initial = Object.fromEntries(fields.map((f) => [f.name, f.type === 'date' && typeof row.values[f.name] === 'string' ? dayjs(row.values[f.name] as string) : row.values[f.name]]));

  const input = (f: Field) => {
    const disabled = !row.canEdit;
    switch (f.type) {
      case 'number':
      case 'integer':
        return <InputNumber disabled={disabled} min={f.min} max={f.max} precision={f.type === 'integer' ? 0 : undefined} style={{ width: '100%' }} />;
      case 'date':
        return <DatePicker disabled={disabled} style={{ width: '100%' }} />;
      case 'enum':
        return <Select disabled={disabled} allowClear={!f.required} options={(f.values ?? []).map((v) => ({ value: v, label: v }))} />;
      case 'boolean':
        return <Select disabled={disabled} allowClear={!f.required} options={[{ value: true, label: t('register.yes') }, { value: false, label: t('register.no') }]} />;
      case 'region':
        return (
          <Select
            disabled={disabled}
            showSearch={{ optionFilterProp: 'label' }}
            options={(regions.data ?? []).filter((r) => r.kind === f.level).map((r) => ({ value: r.name, label: r.name }))}
          />
        );
      default:
        return <Input disabled={disabled} maxLength={f.maxLength} />;
    }
  };

  const submit = (values: Record<string, unknown>) => {
    const plain = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v]));
    const changed = changedValues(fields, row.values, plain);
    if (Object.keys(changed).length === 0) return onClose();
    save.mutate(changed);
  };

  const kindLabel = (kind: string) => (kind === 'edit' || kind === 'import' || kind === 'evaluation' ? t(`register.kind.${kind}`) : kind);

  return (
    <Drawer open onClose={onClose} size="large" title={String(row.values[register.definition.uniqueKey.at(-1)!] ?? row.id)} data-testid="row-drawer">
      <Tabs
        defaultActiveKey={tab}
        items={[
          {
            key: 'values',
            label: row.canEdit ? t('register.edit') : t('register.view'),
            children: (
              <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
                {fields.map((f) => (
                  <Form.Item key={f.name} name={f.name} label={en && f.nameEn ? f.nameEn : f.name} rules={f.required ? [{ required: true }] : []} tooltip={f.note}>
                    {input(f)}
                  </Form.Item>
                ))}
                {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} data-testid="row-save-error" />}
                {row.canEdit && (
                  <Space>
                    <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="row-save">
                      {t('register.save')}
                    </Button>
                    <Button onClick={onClose}>{t('register.cancel')}</Button>
                  </Space>
                )}
              </Form>
            ),
          },
          {
            key: 'history',
            label: t('register.history'),
            children:
              history.data && history.data.length === 0 ? (
                <Empty description={t('register.noHistory')} />
              ) : (
                <Timeline
                  data-testid="row-history"
                  items={(history.data ?? []).map((h) => ({
                    key: h.changeId,
                    children: (
                      <>
                        <Typography.Text strong>{formatChinaTime(h.at)}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {t('register.changedBy', { actor: h.actorName, kind: kindLabel(h.kind) })} · #{h.auditSeq}
                        </Typography.Text>
                        {h.before === null ? (
                          <div>{t('register.added')}</div>
                        ) : (
                          diffFields(h.before, h.after).map((name) => (
                            <div key={name}>
                              {name}：{displayValue(h.before?.[name], t('register.yes'), t('register.no'))} → {displayValue(h.after?.[name], t('register.yes'), t('register.no'))}
                            </div>
                          ))
                        )}
                      </>
                    ),
                  }))}
                />
              ),
          },
        ]}
      />
    </Drawer>
  );
}

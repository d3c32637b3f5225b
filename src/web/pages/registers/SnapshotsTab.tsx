import { ExportOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../format';
import { usePublishSnapshot, useSnapshots, type RegisterView } from './queries';

/**
 * The register's published snapshots (已公开版本): each is the list as it was published, with
 * its public fields only, frozen (later edits never change it), and opens on the public pages.
 * The office may publish the register as it stands now.
 */
export default function SnapshotsTab({ register }: { register: RegisterView }) {
  const { t } = useTranslation('registers');
  const { message } = App.useApp();
  const snapshots = useSnapshots(register.id);
  const publish = usePublishSnapshot(register.id);
  const [label, setLabel] = useState('');
  const publicFields = register.definition.fields.filter((f) => f.public).map((f) => f.name);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('snapshot.hint')}</Typography.Text>
      <Typography.Text>
        {t('snapshot.publicFields')}
        {publicFields.length === 0 ? t('snapshot.noPublicFields') : publicFields.map((f) => <Tag key={f}>{f}</Tag>)}
      </Typography.Text>
      {register.permissions.publish && (
        <Flex gap={8} wrap>
          <Input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={60}
            placeholder={t('snapshot.labelPlaceholder')}
            aria-label={t('snapshot.label')}
            style={{ maxWidth: 280 }}
            data-testid="snapshot-label"
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={label.trim() === '' || publicFields.length === 0}
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(label.trim(), {
                onSuccess: () => {
                  setLabel('');
                  void message.success(t('snapshot.published'));
                },
              })
            }
            data-testid="snapshot-publish"
          >
            {t('snapshot.publish')}
          </Button>
        </Flex>
      )}
      {publish.error && <Alert type="error" showIcon title={publish.error.message} />}
      {snapshots.error && <Alert type="error" showIcon title={snapshots.error.message} />}
      {snapshots.data?.length === 0 ? (
        <Empty description={t('snapshot.none')} />
      ) : (
        <List
          size="small"
          loading={snapshots.isPending}
          dataSource={snapshots.data ?? []}
          data-testid="snapshot-list"
          renderItem={(s) => (
            <List.Item
              key={s.id}
              actions={[
                <Button key="open" size="small" icon={<ExportOutlined />} href={`/public/snapshots/${s.id}`} target="_blank">
                  {t('snapshot.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={s.label} description={`${t('public.published', { time: formatChinaTime(s.publishedAt) })} · ${t('public.rows', { count: s.rowCount })}`} />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

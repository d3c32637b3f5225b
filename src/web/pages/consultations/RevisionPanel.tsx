import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Spin, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem, PlanView } from '../../../contract/plans';
import { useCreateVersion, useRedline } from './queries';
import Redline from './Redline';
import type { Consultation } from '../../../contract/consultations';

/** The office's revision: the text to edit (or a file to upload) that becomes the next version. */
function NewVersionForm({ plan, onCreated }: { plan: PlanView; onCreated: (version: number) => void }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const create = useCreateVersion(plan.id);
  const [text, setText] = useState(plan.text);
  const done = (result: { version: number; items: number }) => {
    void message.success(t('revision.created', { n: result.version, items: result.items }));
    onCreated(result.version);
  };
  return (
    <div data-testid="new-version">
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} data-testid="new-version-error" />}
      <Tabs
        items={[
          {
            key: 'edit',
            label: t('revision.editTab'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('revision.editHelp', { n: plan.version.number })}</Typography.Paragraph>
                <Input.TextArea
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  autoSize={{ minRows: 12, maxRows: 24 }}
                  data-testid="new-version-text"
                />
                <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
                  <Button onClick={() => setText(plan.text)}>{t('revision.reset')}</Button>
                  <Button
                    type="primary"
                    loading={create.isPending}
                    disabled={!text.trim() || text === plan.text}
                    onClick={() => create.mutate({ text, filename: `${plan.title}（修改稿）.txt` }, { onSuccess: done })}
                    data-testid="new-version-submit"
                  >
                    {t('revision.submit')}
                  </Button>
                </Flex>
              </>
            ),
          },
          {
            key: 'upload',
            label: t('revision.uploadTab'),
            children: (
              <Upload.Dragger
                accept=".txt,.md,.docx,text/plain,text/markdown"
                multiple={false}
                showUploadList={false}
                disabled={create.isPending}
                beforeUpload={(file) => {
                  create.mutate({ file }, { onSuccess: done });
                  return false;
                }}
                data-testid="new-version-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('revision.drop')}</p>
                <p className="ant-upload-hint">{t('revision.dropHint')}</p>
              </Upload.Dragger>
            ),
          },
        ]}
      />
    </div>
  );
}

/**
 * 修改稿: versions after the consulted one, the redline against it with the opinions each
 * change answers, and a form for the next version.
 */
export default function RevisionPanel({ consultation, plan, items, editable }: { consultation: Consultation; plan: PlanView; items: readonly PlanItem[]; editable: boolean }) {
  const { t } = useTranslation('consultation');
  const from = consultation.versionNumber;
  const later = plan.versions.filter((v) => v.number > from).map((v) => v.number);
  const [chosen, setChosen] = useState<number | null>(null);
  const to = chosen !== null && later.includes(chosen) ? chosen : (later.at(-1) ?? null);
  const redline = useRedline(plan.id, from, to);
  const [adding, setAdding] = useState(false);

  return (
    <div data-testid="revision">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{later.length > 0 ? t('revision.compare', { from }) : t('revision.noneYet', { from })}</Typography.Text>
          {later.length > 0 && (
            <Select<number>
              value={to ?? undefined}
              onChange={setChosen}
              style={{ width: 120 }}
              options={later.map((n) => ({ value: n, label: t('revision.versionN', { n }) }))}
              data-testid="redline-to"
            />
          )}
        </Flex>
        {editable && later.length > 0 && (
          <Button onClick={() => setAdding((open) => !open)} data-testid="new-version-toggle">
            {adding ? t('revision.hideForm') : t('revision.another')}
          </Button>
        )}
      </Flex>
      {editable && (later.length === 0 || adding) && (
        <Card size="small" title={t('revision.formTitle', { n: plan.versions.at(-1)!.number + 1 })} style={{ marginBottom: 16 }}>
          <NewVersionForm
            plan={plan}
            onCreated={(version) => {
              setChosen(version);
              setAdding(false);
            }}
          />
        </Card>
      )}
      {later.length === 0 && !editable && <Empty description={t('revision.none')} />}
      {to !== null && redline.error && <Alert type="error" showIcon title={redline.error.message} />}
      {to !== null && redline.isPending && <Spin />}
      {redline.data && to !== null && <Redline view={redline.data} items={items} editable={editable} />}
    </div>
  );
}

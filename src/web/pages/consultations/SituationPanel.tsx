import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Spin, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postForDownload } from '../../api';
import type { Situation } from '../../../contract/consultations';
import { useSituation } from './queries';
import { consultationFile } from './ui';

interface EditedForm {
  title: string;
  body: string;
  issuer: string;
  issuedOn: Dayjs;
}

/**
 * The 情况说明 as the office will issue it: the title, body and signature can be edited, and the
 * date printed is the day it is issued (chosen here), not the day it is downloaded.
 */
function SituationEditor({ consultationId, initial }: { consultationId: number; initial: Situation }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const [form] = Form.useForm<EditedForm>();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await postForDownload(
        consultationFile(consultationId, 'situation.docx'),
        { title: values.title, body: values.body, issuer: values.issuer, issuedOn: values.issuedOn.format('YYYY-MM-DD') },
        `${values.title}.docx`,
      );
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('situation.text')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button href={consultationFile(consultationId, 'situation.docx')} download data-testid="download-situation">
            {t('situation.asGenerated')}
          </Button>
          <Button type="primary" icon={<FileWordOutlined />} loading={busy} onClick={() => void download().catch(() => undefined)} data-testid="download-edited-situation">
            {t('situation.exportEdited')}
          </Button>
        </Flex>
      </Flex>
      <Form<EditedForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ title: initial.title, body: initial.body, issuer: initial.issuer, issuedOn: dayjs() }}
        data-testid="situation-editor"
      >
        <Form.Item name="title" label={t('situation.title')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('situation.body')} extra={t('situation.bodyHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 24 }} data-testid="situation-body" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="issuer" label={t('situation.issuer')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 220 }}>
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('situation.issuedOn')} extra={t('situation.issuedOnHelp')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="situation-issued-on" />
          </Form.Item>
        </Flex>
      </Form>
    </>
  );
}

/** 征求意见情况说明: the counts, and the text as it goes into the docx. */
export default function SituationPanel({ consultationId }: { consultationId: number }) {
  const { t } = useTranslation('consultation');
  const situation = useSituation(consultationId);
  if (situation.error) return <Alert type="error" showIcon title={situation.error.message} />;
  if (!situation.data) return <Spin />;
  const { stats } = situation.data;
  return (
    <div data-testid="situation">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['consulted', stats.consulted.length],
            ['replied', stats.replied.length],
            ['noOpinion', stats.noOpinion.length],
            ['late', stats.late.length],
            ['notReplied', stats.notReplied.length],
            ['opinions', stats.opinions],
            ['adopted', stats.adopted],
            ['partlyAdopted', stats.partlyAdopted],
            ['rejected', stats.rejected],
            ['undecided', stats.undecided],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={6} xl={4}>
            <Statistic title={t(`situation.${key}`)} value={value} />
          </Col>
        ))}
      </Row>
      <SituationEditor consultationId={consultationId} initial={situation.data} />
    </div>
  );
}

import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSituation } from './queries';
import { consultationFile } from './ui';

/** 征求意见情况说明: the counts, and the text as it goes into the docx. */
export default function SituationPanel({ consultationId }: { consultationId: number }) {
  const { t } = useTranslation('consultation');
  const situation = useSituation(consultationId);
  if (situation.error) return <Alert type="error" showIcon title={situation.error.message} />;
  if (!situation.data) return <Spin />;
  const { stats, text } = situation.data;
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
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('situation.text')}</Typography.Text>
        <Button icon={<FileWordOutlined />} href={consultationFile(consultationId, 'situation.docx')} download data-testid="download-situation">
          {t('exports.situationDocx')}
        </Button>
      </Flex>
      <div className="consult-prewrap" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 16, lineHeight: 1.9 }} data-testid="situation-text">
        {text}
      </div>
    </div>
  );
}

import { CheckOutlined, DownloadOutlined, ExportOutlined, ImportOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, InputNumber, List, Popconfirm, Select, Space, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../format';
import { complete, GRADE_COLOURS, previewGrade, previewTotal } from './evaluation-preview';
import FiguresImportModal from './FiguresImportModal';
import OpenEvaluationModal from './OpenEvaluationModal';
import {
  useEvaluation,
  useEvaluations,
  useEvaluationStep,
  useRows,
  useSaveScores,
  type Evaluation,
  type Grade,
  type RegisterRow,
  type RegisterView,
  type ScoreEntry,
} from './queries';

type Draft = Record<number, Record<string, number | null>>;
type EvaluationConfig = NonNullable<RegisterView['definition']['evaluation']>;

/**
 * A register's annual evaluations (年度评估): choose or open a year, enter scores per row (the
 * total and grade follow), read the proposed changes of standing, confirm them (only then do
 * they take effect) and publish the year's list as a frozen snapshot.
 */
export default function EvaluationsTab({ register, config }: { register: RegisterView; config: EvaluationConfig }) {
  const { t } = useTranslation('registers');
  const evaluations = useEvaluations(register.id, true);
  const [chosen, setChosen] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  const evaluationId = chosen ?? evaluations.data?.[0]?.id ?? null;
  const evaluation = useEvaluation(evaluationId);
  const statusLabel = (s: Evaluation['status']) => t(`evaluation.status.${s}`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={12} wrap align="center">
        <Select
          style={{ minWidth: 220 }}
          value={evaluationId}
          onChange={setChosen}
          placeholder={t('evaluation.chooseYear')}
          options={(evaluations.data ?? []).map((e) => ({ value: e.id, label: `${t('evaluation.year', { year: e.year })} · ${statusLabel(e.status)}` }))}
          aria-label={t('evaluation.chooseYear')}
          data-testid="evaluation-year"
        />
        {register.permissions.evaluate && (
          <Button icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="evaluation-open">
            {t('evaluation.open')}
          </Button>
        )}
      </Flex>
      {evaluations.error && <Alert type="error" showIcon title={evaluations.error.message} />}
      {evaluations.data?.length === 0 && <Empty description={t('evaluation.none')} />}
      {evaluation.error && <Alert type="error" showIcon title={evaluation.error.message} />}
      {evaluation.data && <EvaluationYear key={evaluation.data.id} register={register} config={config} evaluation={evaluation.data} />}
      {opening && (
        <OpenEvaluationModal
          register={register}
          config={config}
          latest={evaluations.data?.[0] ?? null}
          onClose={(opened) => {
            setOpening(false);
            if (opened !== null) setChosen(opened);
          }}
        />
      )}
    </Space>
  );
}

function EvaluationYear({ register, config, evaluation }: { register: RegisterView; config: EvaluationConfig; evaluation: Evaluation }) {
  const { t } = useTranslation('registers');
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const rows = useRows(register.id, { ...page, filters: {} });
  const [draft, setDraft] = useState<Draft>({});
  const [importing, setImporting] = useState(false);
  const save = useSaveScores(register.id, evaluation.id);
  const confirm = useEvaluationStep(register.id, evaluation.id, 'confirm');
  const publish = useEvaluationStep(register.id, evaluation.id, 'publish');
  const open = evaluation.status === 'open';
  const mayScore = open && register.permissions.evaluate;
  const nameField = register.definition.uniqueKey[0]!;
  const scored = useMemo(() => new Map(evaluation.scores.map((s) => [s.rowId, s])), [evaluation.scores]);
  const removed = config.statuses.removed;

  const scoresOf = (row: RegisterRow): Record<string, number | null> => draft[row.id] ?? scored.get(row.id)?.scores ?? {};
  const edited: ScoreEntry[] = Object.entries(draft)
    .map(([rowId, scores]) => ({ rowId: Number(rowId), scores }))
    .filter((e): e is ScoreEntry => complete(evaluation.criteria, e.scores));
  const incomplete = Object.values(draft).filter((s) => !complete(evaluation.criteria, s)).length;
  const changes = evaluation.scores.filter((s) => s.proposedStatus !== null && s.proposedStatus !== s.statusBefore);
  const gradeTag = (grade: Grade) => <Tag color={GRADE_COLOURS[grade]}>{t(`evaluation.grade.${grade}`)}</Tag>;

  const reason = (s: Evaluation['scores'][number]) =>
    s.proposedStatus === removed ? (s.grade === 'fail' ? t('evaluation.reason.fail') : t('evaluation.reason.twoWarnings')) : s.grade === 'warning' ? t('evaluation.reason.warning') : t('evaluation.reason.restored');

  const columns: TableColumnsType<RegisterRow> = [
    { key: 'name', title: nameField, fixed: 'left', width: 180, ellipsis: true, render: (_, row) => String(row.values[nameField] ?? row.id) },
    { key: 'status', title: t('evaluation.currentStatus'), width: 90, render: (_, row) => String(row.values[config.statusField] ?? '—') },
    ...evaluation.criteria.map((c) => ({
      key: c.key,
      title: `${c.name}（${c.weight}）`,
      width: 120,
      render: (_: unknown, row: RegisterRow) => {
        const value = scoresOf(row)[c.key];
        const out = row.values[config.statusField] === removed && !scored.has(row.id);
        if (!mayScore || out) return value ?? '—';
        return (
          <InputNumber
            size="small"
            min={0}
            max={100}
            value={value ?? null}
            aria-label={`${String(row.values[nameField] ?? row.id)} ${c.name}`}
            onChange={(v) => setDraft((d) => ({ ...d, [row.id]: { ...scoresOf(row), [c.key]: typeof v === 'number' ? v : null } }))}
            style={{ width: 80 }}
            data-testid={`score-${row.id}-${c.key}`}
          />
        );
      },
    })),
    {
      key: 'total',
      title: t('evaluation.total'),
      width: 90,
      render: (_, row) => {
        const typed = draft[row.id];
        if (typed) return complete(evaluation.criteria, typed) ? <span data-testid={`total-${row.id}`}>{previewTotal(evaluation.criteria, typed)}</span> : '…';
        const s = scored.get(row.id);
        return s ? <span data-testid={`total-${row.id}`}>{s.total}</span> : '—';
      },
    },
    {
      key: 'grade',
      title: t('evaluation.gradeTitle'),
      width: 120,
      render: (_, row) => {
        const typed = draft[row.id];
        if (typed) return complete(evaluation.criteria, typed) ? <span data-testid={`grade-${row.id}`}>{gradeTag(previewGrade(previewTotal(evaluation.criteria, typed), evaluation.thresholds))}</span> : '…';
        const s = scored.get(row.id);
        if (s) return <span data-testid={`grade-${row.id}`}>{gradeTag(s.grade)}</span>;
        return row.values[config.statusField] === removed ? <Typography.Text type="secondary">{t('evaluation.notEvaluated')}</Typography.Text> : <Tag>{t('evaluation.unscored')}</Tag>;
      },
    },
    {
      key: 'proposed',
      title: t('evaluation.proposed'),
      width: 110,
      render: (_, row) => {
        const s = scored.get(row.id);
        if (!s || draft[row.id]) return '—';
        const differs = s.proposedStatus !== s.statusBefore;
        return differs ? <Tag color={s.proposedStatus === removed ? 'red' : 'orange'}>{s.proposedStatus}</Tag> : <Typography.Text type="secondary">{s.proposedStatus ?? '—'}</Typography.Text>;
      },
    },
  ];

  const onSave = () =>
    save.mutate(edited, {
      onSuccess: () => {
        setDraft((d) => Object.fromEntries(Object.entries(d).filter(([, s]) => !complete(evaluation.criteria, s))));
        void message.success(t('evaluation.saved', { count: edited.length }));
      },
    });

  const step = evaluation.status === 'open' ? 0 : evaluation.status === 'confirmed' ? 1 : 2;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-year-panel">
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('evaluation.stepScore'), description: formatChinaTime(evaluation.createdAt) },
          { title: t('evaluation.stepConfirm'), description: evaluation.confirmedAt ? formatChinaTime(evaluation.confirmedAt) : undefined },
          { title: t('evaluation.stepPublish'), description: evaluation.publishedAt ? formatChinaTime(evaluation.publishedAt) : undefined },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('evaluation.criteria')}>{evaluation.criteria.map((c) => `${c.name} ${c.weight}`).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.thresholds')}>
          {t('evaluation.thresholdText', { excellent: evaluation.thresholds.excellent, pass: evaluation.thresholds.pass, warning: evaluation.thresholds.warning })}
        </Descriptions.Item>
      </Descriptions>

      <Card
        size="small"
        title={t('evaluation.scores', { scored: evaluation.scores.length, total: rows.data?.total ?? 0 })}
      >
        {mayScore && <Typography.Paragraph type="secondary">{t('evaluation.scoreHint')}</Typography.Paragraph>}
        {/* The buttons under the title, not beside it: on a phone the title would be cut short. */}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {mayScore && (
            <Button type="primary" icon={<SaveOutlined />} disabled={edited.length === 0} loading={save.isPending} onClick={onSave} data-testid="scores-save">
              {t('evaluation.saveScores', { count: edited.length })}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/evaluations/${evaluation.id}/scores/template.xlsx`} data-testid="scores-template">
            {t('figuresImport.template')}
          </Button>
          {mayScore && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="scores-import">
              {t('figuresImport.import')}
            </Button>
          )}
        </Flex>
        {importing && (
          <FiguresImportModal
            title={t('figuresImport.scoresTitle', { year: evaluation.year })}
            hint={t('figuresImport.scoresHint')}
            path={`/api/evaluations/${evaluation.id}/scores/import`}
            refresh={[['evaluations', evaluation.id], ['registers', register.id], ['indicators']]}
            onClose={() => setImporting(false)}
          />
        )}
        {incomplete > 0 && <Alert type="info" showIcon title={t('evaluation.incompleteDraft', { count: incomplete })} style={{ marginBottom: 12 }} />}
        {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
        <div className="register-table-box">
          <Table<RegisterRow>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows.data?.rows ?? []}
            loading={rows.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ current: page.page, pageSize: page.pageSize, total: rows.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
            data-testid="score-grid"
          />
        </div>
      </Card>

      <Card size="small" title={t('evaluation.changes', { count: changes.length })} data-testid="evaluation-changes">
        {changes.length === 0 ? (
          <Typography.Text type="secondary">{t('evaluation.noChanges')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={changes}
            renderItem={(s) => (
              <List.Item key={s.rowId}>
                <Space wrap>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  {gradeTag(s.grade)}
                  <span>
                    {s.statusBefore ?? '—'} → <Tag color={s.proposedStatus === removed ? 'red' : 'orange'}>{s.proposedStatus}</Tag>
                  </span>
                  <Typography.Text type="secondary">{reason(s)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {confirm.error && <Alert type="error" showIcon title={confirm.error.message} style={{ marginTop: 12 }} data-testid="evaluation-confirm-error" />}
        {publish.error && <Alert type="error" showIcon title={publish.error.message} style={{ marginTop: 12 }} />}
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {open && register.permissions.evaluate && (
            <Popconfirm
              title={t('evaluation.confirmTitle', { year: evaluation.year })}
              description={t('evaluation.confirmText', { count: changes.length })}
              okText={t('evaluation.confirm')}
              cancelText={t('register.cancel')}
              onConfirm={() => confirm.mutate(undefined, { onSuccess: () => void message.success(t('evaluation.confirmed')) })}
            >
              <Button type="primary" icon={<CheckOutlined />} loading={confirm.isPending} disabled={Object.keys(draft).length > 0} data-testid="evaluation-confirm">
                {t('evaluation.confirm')}
              </Button>
            </Popconfirm>
          )}
          {evaluation.status === 'confirmed' && register.permissions.publish && (
            <Popconfirm
              title={t('evaluation.publishTitle', { year: evaluation.year })}
              description={t('evaluation.publishText')}
              okText={t('evaluation.publish')}
              cancelText={t('register.cancel')}
              onConfirm={() => publish.mutate(undefined, { onSuccess: () => void message.success(t('evaluation.published')) })}
            >
              <Button type="primary" icon={<ExportOutlined />} loading={publish.isPending} data-testid="evaluation-publish">
                {t('evaluation.publish')}
              </Button>
            </Popconfirm>
          )}
          {evaluation.snapshotId !== null && (
            <Button href={`/public/snapshots/${evaluation.snapshotId}`} target="_blank" icon={<ExportOutlined />} data-testid="evaluation-snapshot">
              {t('evaluation.openSnapshot')}
            </Button>
          )}
        </Flex>
        {open && Object.keys(draft).length > 0 && register.permissions.evaluate && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('evaluation.saveFirst')}
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
}

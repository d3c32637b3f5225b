import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Breadcrumb, Button, Card, Col, Result, Row, Select, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError, query } from '../../api';
import FullPageSpin from '../../components/FullPageSpin';
import PageHeader from '../../components/PageHeader';
import type { Span } from '../../../contract/common';
import type { FactKind, PlanItem, PlanView } from '../../../contract/plans';
import { useUnits } from '../../unit-queries';
import DocumentPane, { type DocumentPaneHandle } from './DocumentPane';
import EditsList from './EditsList';
import FactEditorModal, { editorSpan, type FactEditorTarget } from './FactEditorModal';
import LetterSummary from './LetterSummary';
import { useCheckWarning, useReparsePlan, usePlan } from './plan-queries';
import PlanStatusTag from './plan-status';
import PlanStage from './PlanStage';
import StructurePane from './StructurePane';
import WarningsList from './WarningsList';
import './plan.css';

type SideTab = 'structure' | 'warnings' | 'edits';

// The two panes fill the window below the app's header, so each scrolls on its own.
const DOCUMENT_HEIGHT = 'max(420px, calc(100vh - 56px - 48px - 58px))';
const SIDE_HEIGHT = 'max(420px, calc(100vh - 56px - 48px - 58px))';

function numberParam(value: string | null | undefined): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/** Every span the document pane may highlight; the text is cut at all their boundaries. */
function highlightableSpans(plan: PlanView, extra: Span | null): Span[] {
  const spans: Span[] = [];
  for (const section of plan.sections) spans.push(section.span);
  for (const item of plan.items) {
    spans.push(item.span);
    for (const fact of item.responsible) spans.push(fact.span);
    for (const fact of item.targets) spans.push(fact.span);
  }
  for (const warning of plan.warnings) spans.push(warning.span);
  for (const edit of plan.edits) spans.push(edit.ref.span);
  if (extra) spans.push(extra);
  return spans;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function PlanReview({ plan, version }: { plan: PlanView; version: number | null }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const units = useUnits();
  const [, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const canEdit = plan.allowed.edit;
  const reparse = useReparsePlan(plan.id, version);
  const checkWarning = useCheckWarning(plan.id, version, plan.version.number);
  const documentPane = useRef<DocumentPaneHandle>(null);
  const [hoveredItem, setHoveredItem] = useState<Span | null>(null);
  const [hoveredFact, setHoveredFact] = useState<Span | null>(null);
  const [warning, setWarning] = useState<number | null>(null);
  const [picked, setPicked] = useState<Span | null>(null);
  const [editing, setEditing] = useState<FactEditorTarget | null>(null);
  const [tab, setTab] = useState<SideTab>('structure');

  const unitsById = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  const adding = editing?.op === 'add' ? editing.span : null;
  const spans = useMemo(() => highlightableSpans(plan, adding), [plan, adding]);

  const onHoverItem = useCallback((span: Span | null) => {
    setHoveredItem(span);
    if (span) documentPane.current?.reveal(span, false);
  }, []);
  const onHoverFact = useCallback((span: Span | null) => {
    setHoveredFact(span);
    if (span) documentPane.current?.reveal(span, true);
  }, []);
  const onOpenFact = useCallback((target: FactEditorTarget) => setEditing(target), []);
  const onAdd = useCallback((kind: FactKind, span: Span, item: PlanItem) => setEditing({ op: 'add', kind, item, span }), []);
  const pickWarning = (index: number) => {
    setWarning(index);
    setPicked(null);
    const span = plan.warnings[index]?.span;
    if (span) documentPane.current?.reveal(span, true);
  };
  /** Shows an item: its card in the structure tab, and its text in the document. */
  const pickItem = (ordinal: number) => {
    const item = plan.items.find((i) => i.ordinal === ordinal);
    if (!item) return;
    setTab('structure');
    setWarning(null);
    setPicked(item.span);
    documentPane.current?.reveal(item.span, true);
    requestAnimationFrame(() => document.querySelector(`[data-testid="item-${ordinal}"]`)?.scrollIntoView({ block: 'nearest' }));
  };
  const onCheck = (key: string, checked: boolean) =>
    checkWarning.mutate({ key, checked }, { onError: (error: Error) => void message.error(error.message) });
  const pickEdit = (span: Span) => {
    setWarning(null);
    setPicked(span);
    documentPane.current?.reveal(span, true);
  };

  const confirmReparse = () =>
    modal.confirm({
      title: t('plan.reparseTitle'),
      content: t('plan.reparseBody'),
      okText: t('plan.reparse'),
      cancelText: t('common.cancel'),
      onOk: () =>
        reparse.mutateAsync().then(
          (view) => void message.success(t('plan.reparsed', { items: view.items.length, warnings: view.warnings.length })),
          (error: Error) => void message.error(error.message),
        ),
    });

  const warningSpan = warning === null ? null : (plan.warnings[warning]?.span ?? null);
  const highlights = {
    item: hoveredItem,
    warning: warningSpan ?? picked,
    fact: hoveredFact ?? (editing && editing.op === 'update' ? editorSpan(editing) : null),
    selection: adding,
  };

  const versionLabel = t('plans.versionN', { n: plan.version.number });
  const orphaned = plan.orphanedEdits.length;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/plans">{t('plan.back')}</Link> }, { title: plan.title }]} />
      <PageHeader
        title={<span data-testid="plan-title">{plan.title}</span>}
        description={
          <>
            <PlanStatusTag status={plan.version.status} />
            {t('plan.meta', {
              filename: plan.version.filename,
              version: plan.version.number,
              encoding: plan.version.encoding.toUpperCase(),
              size: formatSize(plan.version.byteSize),
            })}
          </>
        }
        extra={
          <>
            {plan.versions.length > 1 && (
              <Select
                value={plan.version.number}
                style={{ minWidth: 120 }}
                onChange={(n: number) => setSearchParams(n === plan.versions.at(-1)?.number ? {} : { version: String(n) })}
                options={plan.versions.map((v) => ({ value: v.number, label: t('plans.versionN', { n: v.number }) }))}
                aria-label={versionLabel}
                data-testid="plan-version"
              />
            )}
            <Button icon={<DownloadOutlined />} href={`/api/plans/${plan.id}/source${query({ version })}`} download>
              {t('plan.download')}
            </Button>
            {canEdit && (
              <Button icon={<ReloadOutlined />} loading={reparse.isPending} onClick={() => void confirmReparse()} data-testid="plan-reparse">
                {t('plan.reparse')}
              </Button>
            )}
            {canEdit && (
              <Button type="primary" onClick={() => void navigate(`/consultations?open=${plan.id}`)} data-testid="plan-open-consultation">
                {t('open.button', { ns: 'consultation' })}
              </Button>
            )}
          </>
        }
      />
      <PlanStage plan={plan} canEdit={canEdit} />
      {plan.letter && <LetterSummary letter={plan.letter} />}
      {orphaned > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('plan.orphaned', { count: orphaned })}
          action={
            <Button size="small" onClick={() => setTab('edits')}>
              {t('plan.showEdits')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="plan-orphaned"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={13}>
          <Card
            size="small"
            title={t('plan.document')}
            extra={
              canEdit && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plan.documentHint')}
                </Typography.Text>
              )
            }
            styles={{ body: { padding: 0 } }}
            style={{ marginBottom: 16 }}
          >
            <DocumentPane
              ref={documentPane}
              text={plan.text}
              spans={spans}
              items={plan.items}
              highlights={highlights}
              onAdd={canEdit ? onAdd : undefined}
              height={DOCUMENT_HEIGHT}
            />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as SideTab)}
              tabBarStyle={{ padding: '0 16px', margin: 0 }}
              items={[
                {
                  key: 'structure',
                  label: t('plan.structure'),
                  children: (
                    <StructurePane
                      plan={plan}
                      unitsById={unitsById}
                      onHoverItem={onHoverItem}
                      onHoverFact={onHoverFact}
                      onOpenFact={canEdit ? onOpenFact : undefined}
                      height={SIDE_HEIGHT}
                    />
                  ),
                },
                {
                  key: 'warnings',
                  label: (
                    <span data-testid="tab-warnings">
                      {t('plan.warnings')}{' '}
                      <Badge count={plan.warnings.filter((w) => w.checked === null).length} color="orange" size="small" showZero={false} />
                    </span>
                  ),
                  children: (
                    <WarningsList
                      warnings={plan.warnings}
                      items={plan.items}
                      active={warning}
                      onPick={pickWarning}
                      onPickItem={pickItem}
                      canCheck={plan.allowed.checkWarnings}
                      checking={checkWarning.isPending ? (checkWarning.variables?.key ?? null) : null}
                      onCheck={onCheck}
                      height={SIDE_HEIGHT}
                    />
                  ),
                },
                {
                  key: 'edits',
                  label: (
                    <span data-testid="tab-edits">
                      {t('plan.edits')} <Badge count={plan.edits.length} color="blue" size="small" showZero={false} />
                    </span>
                  ),
                  children: <EditsList plan={plan} onPick={pickEdit} height={SIDE_HEIGHT} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <FactEditorModal plan={plan} version={version} target={editing} units={units.data ?? []} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

/** The review page of one plan: the document beside its structure, with corrections for the office. */
export default function PlanPage() {
  const { t } = useTranslation();
  const params = useParams();
  const [searchParams] = useSearchParams();
  const id = numberParam(params.planId);
  const version = numberParam(searchParams.get('version'));
  const plan = usePlan(id, version);

  if (id === null || (plan.error && isApiError(plan.error) && plan.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('plan.notFound')}
        extra={
          <Link to="/plans">
            <Button type="primary">{t('plan.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
  if (!plan.data) return <FullPageSpin />;
  return <PlanReview plan={plan.data} version={version} />;
}

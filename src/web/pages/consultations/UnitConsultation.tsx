import { CheckCircleFilled, PlusOutlined, RollbackOutlined, SafetyCertificateOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Collapse, Descriptions, Empty, Flex, Row, Select, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import FullPageSpin from '../../components/FullPageSpin';
import PageHeader from '../../components/PageHeader';
import type { Span } from '../../../contract/common';
import type { PlanItem, PlanView } from '../../../contract/plans';
import { usePlan } from '../plans/plan-queries';
import OpinionCard from './OpinionCard';
import QuotePane, { type QuotePaneHandle } from './QuotePane';
import { useReplies, useSaveReply, useSubmitReply } from './queries';
import { HandoffNotice, ReplyHistory, ReturnModal } from './Handoff';
import {
  blankOpinion,
  draftFromReply,
  draftProblems,
  EMPTY_DRAFT,
  itemByOrdinal,
  itemLabel,
  sameReply,
  toReplyInput,
  type DraftOpinion,
  type DraftState,
} from './reply-draft';
import SealedReply, { ReplyContent } from './SealedReply';
import SealModal from './SealModal';
import { ConsultationStatusTag, RecipientStatusTag } from './status';
import type { Consultation, Reply } from '../../../contract/consultations';
import { formatTime } from './ui';

const PANE_HEIGHT = 'max(460px, calc(100vh - 56px - 48px - 150px))';

/** Why the unit's reply cannot be drafted here (the server says whether it can), or null when it can. */
function readOnlyReason(consultation: Consultation): 'closed' | 'role' | null {
  if (!consultation.acceptingReplies) return 'closed';
  return consultation.allowed.draftReply ? null : 'role';
}

interface WorkspaceProps {
  consultation: Consultation;
  plan: PlanView;
  /** The unit's draft, or null before the first save (or after a withdrawal). */
  draft: Reply | null;
  /** Where the editor starts: the draft, or the last withdrawn reply to start again from. */
  initial: DraftState;
  canSeal: boolean;
}

/** The plan text beside the unit's reply editor: select a passage to comment on it, save the draft, seal it. */
function ReplyWorkspace({ consultation, plan, draft, initial, canSeal }: WorkspaceProps) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const save = useSaveReply(consultation.id);
  const pane = useRef<QuotePaneHandle>(null);
  const [state, setState] = useState<DraftState>(initial);
  const [saved, setSaved] = useState<DraftState>(draft ? initial : EMPTY_DRAFT);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [hoverItem, setHoverItem] = useState<number | null>(null);
  const [pickItem, setPickItem] = useState<number | null>(null);
  const [tried, setTried] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [returning, setReturning] = useState(false);
  const handOff = useSubmitReply(consultation.id);
  const editorEnd = useRef<HTMLDivElement>(null);

  const dirty = draft === null || !sameReply(state, saved);
  const problems = draftProblems(state);
  const active = state.opinions.find((o) => o.key === activeKey) ?? null;
  const quotes = useMemo(() => state.opinions.flatMap((o) => (o.span && o.key !== activeKey ? [o.span] : [])), [state.opinions, activeKey]);
  const itemSpan = (itemByOrdinal(plan.items, hoverItem ?? active?.itemOrdinal ?? null)?.span ?? null) as Span | null;

  const update = (key: string, patch: Partial<DraftOpinion>) =>
    setState((s) => ({ ...s, opinions: s.opinions.map((o) => (o.key === key ? { ...o, ...patch } : o)) }));
  const remove = (key: string) => setState((s) => ({ ...s, opinions: s.opinions.filter((o) => o.key !== key) }));
  const add = useCallback((opinion: DraftOpinion) => {
    setState((s) => ({ noOpinion: false, opinions: [...s.opinions, opinion] }));
    setActiveKey(opinion.key);
    // The new card is the last one: bring it into view and put the cursor in its opinion.
    window.setTimeout(() => {
      const box = editorEnd.current?.parentElement;
      const cards = box?.querySelectorAll<HTMLElement>('[data-testid=opinion-card]');
      const card = cards?.[cards.length - 1];
      if (!box || !card) return;
      // Scroll the editor only (scrollIntoView would move the window too).
      const below = card.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
      if (below > 0) box.scrollTo({ top: box.scrollTop + below + 12, behavior: 'smooth' });
      card.querySelector<HTMLTextAreaElement>('[data-testid=opinion-content-input]')?.focus({ preventScroll: true });
    }, 50);
  }, []);

  const onQuote = useCallback(
    (span: Span, item: PlanItem) => add(blankOpinion(item.ordinal, { text: plan.text.slice(span[0], span[1]), span })),
    [add, plan.text],
  );

  const submit = () => {
    setTried(true);
    if (problems.length > 0) return;
    save.mutate(
      { draftId: draft?.id ?? null, input: toReplyInput(state) },
      {
        onSuccess: () => {
          setSaved(state);
          setTried(false);
          void message.success(t('reply.saved'));
        },
      },
    );
  };

  const ownStatus = consultation.recipients[0];
  const late = consultation.status === 'closed';
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card
          size="small"
          title={t('reply.documentTitle', { n: consultation.versionNumber })}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reply.documentHint')}
            </Typography.Text>
          }
          styles={{ body: { padding: 0 } }}
          style={{ marginBottom: 16 }}
        >
          <QuotePane ref={pane} text={plan.text} items={plan.items} quotes={quotes} active={active?.span ?? null} item={itemSpan} onQuote={onQuote} height={PANE_HEIGHT} />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card
          size="small"
          title={t('reply.editorTitle')}
          extra={ownStatus && <RecipientStatusTag status={ownStatus.status} />}
          styles={{ body: { padding: 0 } }}
          style={{ marginBottom: 16 }}
          data-testid="reply-editor"
        >
          <div className="consult-editor-frame" style={{ height: PANE_HEIGHT }}>
            <div className="consult-editor">
              <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
                <Switch
                  checked={state.noOpinion}
                  onChange={(noOpinion) => setState((s) => ({ ...s, noOpinion }))}
                  data-testid="no-opinion"
                />
                <Typography.Text strong>{t('reply.noOpinion')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reply.noOpinionHelp')}
                </Typography.Text>
              </Flex>
              {draft && <HandoffNotice reply={draft} />}
              {state.noOpinion ? (
                <Alert type="info" showIcon title={t('reply.noOpinionNotice')} style={{ marginBottom: 12 }} />
              ) : (
                <>
                  {state.opinions.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reply.emptyHint')} style={{ margin: '12px 0' }} />
                  )}
                  {state.opinions.map((opinion, index) => (
                    <OpinionCard
                      key={opinion.key}
                      index={index}
                      opinion={opinion}
                      items={plan.items}
                      active={opinion.key === activeKey}
                      showErrors={tried}
                      onChange={(patch) => update(opinion.key, patch)}
                      onRemove={() => remove(opinion.key)}
                      onFocus={() => {
                        if (activeKey !== opinion.key) {
                          setActiveKey(opinion.key);
                          if (opinion.span) pane.current?.reveal(opinion.span);
                        }
                      }}
                    />
                  ))}
                  <Flex gap={8} style={{ marginBottom: 12 }}>
                    <Select<number>
                      value={pickItem ?? undefined}
                      placeholder={t('reply.addForItem')}
                      onChange={setPickItem}
                      onActive={(ordinal) => setHoverItem(typeof ordinal === 'number' ? ordinal : null)}
                      onOpenChange={(open) => !open && setHoverItem(null)}
                      options={plan.items.map((item) => ({ value: item.ordinal, label: itemLabel(item) }))}
                      showSearch={{ optionFilterProp: 'label' }}
                      popupMatchSelectWidth={420}
                      style={{ flex: 1, minWidth: 0 }}
                      data-testid="add-item"
                    />
                    <Button
                      icon={<PlusOutlined />}
                      disabled={pickItem === null}
                      onClick={() => {
                        add(blankOpinion(pickItem));
                        setPickItem(null);
                      }}
                      data-testid="add-opinion"
                    >
                      {t('reply.add')}
                    </Button>
                  </Flex>
                </>
              )}
              <div ref={editorEnd} />
            </div>
            <div className="consult-editor-footer">
              {tried && problems.some((p) => p.kind === 'empty') && (
                <Alert type="error" showIcon title={t('reply.emptyError')} style={{ marginBottom: 8 }} data-testid="reply-empty-error" />
              )}
              {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 8 }} data-testid="reply-save-error" />}
              {handOff.error && <Alert type="error" showIcon title={handOff.error.message} style={{ marginBottom: 8 }} />}
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }} data-testid="reply-waiting">
                  {draft && !dirty ? (
                    <>
                      <Typography.Text type={canSeal ? undefined : 'success'} strong>
                        <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} />
                        {canSeal ? t('reply.readyToSeal') : draft.allowed.submit ? t('reply.readyToSubmit') : t('reply.waitingForSignatory')}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('reply.savedAt', { at: formatTime(draft.updatedAt) })}
                      </Typography.Text>
                    </>
                  ) : draft ? (
                    <Typography.Text type="warning">{t('reply.unsaved')}</Typography.Text>
                  ) : null}
                </div>
                <Flex gap={8} wrap justify="flex-end" style={{ flex: 'none' }}>
                  <Button
                    icon={<SaveOutlined />}
                    type={(canSeal || draft?.allowed.submit) && !dirty ? 'default' : 'primary'}
                    disabled={!dirty}
                    loading={save.isPending}
                    onClick={submit}
                    data-testid="save-draft"
                  >
                    {t('reply.save')}
                  </Button>
                  {draft?.allowed.submit && (
                    <Button
                      type="primary"
                      icon={<SendOutlined />}
                      disabled={dirty}
                      title={dirty ? t('handoff.saveFirst') : t('handoff.submitHelp')}
                      loading={handOff.isPending}
                      onClick={() => handOff.mutate(draft.id, { onSuccess: () => void message.success(t('handoff.submitDone')) })}
                      data-testid="submit-reply"
                    >
                      {t('handoff.submit')}
                    </Button>
                  )}
                  {draft?.allowed.return && (
                    <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return-reply">
                      {t('handoff.return')}
                    </Button>
                  )}
                  {canSeal && (
                    <Button
                      type="primary"
                      icon={<SafetyCertificateOutlined />}
                      disabled={draft === null || dirty}
                      title={dirty ? t('reply.saveFirst') : undefined}
                      onClick={() => setSealing(true)}
                      data-testid="seal"
                    >
                      {t('seal.button')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </div>
          </div>
        </Card>
      </Col>
      {returning && draft && <ReturnModal consultationId={consultation.id} replyId={draft.id} onClose={() => setReturning(false)} />}
      {sealing && draft && (
        <SealModal
          consultationId={consultation.id}
          replyId={draft.id}
          late={late}
          onClose={() => setSealing(false)}
          onSealed={(result) => {
            setSealing(false);
            void message.success(result.late ? t('seal.sealedLate') : t('seal.sealed'));
          }}
        />
      )}
    </Row>
  );
}

/** A reply that is sealed, or one the person cannot edit: the text with its quotes marked beside the reply as it stands. */
function ReadOnlyWorkspace({ consultation, plan, reply, canWithdraw, reason }: { consultation: Consultation; plan: PlanView; reply: Reply | null; canWithdraw: boolean; reason: 'closed' | 'role' | null }) {
  const { t } = useTranslation('consultation');
  const quotes = useMemo(() => (reply?.opinions ?? []).flatMap((o) => (o.span ? [o.span] : [])), [reply]);
  const pane = useRef<QuotePaneHandle>(null);
  const [picked, setPicked] = useState<Span | null>(null);
  const pick = useCallback((span: Span) => {
    setPicked(span);
    pane.current?.reveal(span);
  }, []);
  // Open on the first passage the reply quotes.
  const firstQuote = quotes[0];
  useEffect(() => {
    if (firstQuote) window.setTimeout(() => pane.current?.reveal(firstQuote), 100);
  }, [firstQuote]);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card size="small" title={t('reply.documentTitle', { n: consultation.versionNumber })} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
          <QuotePane ref={pane} text={plan.text} items={plan.items} quotes={quotes} active={picked} item={null} height={PANE_HEIGHT} />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card
          size="small"
          title={t('reply.editorTitle')}
          extra={consultation.recipients[0] && <RecipientStatusTag status={consultation.recipients[0].status} />}
          style={{ marginBottom: 16 }}
          data-testid="reply-editor"
        >
          {reply?.status === 'sealed' ? (
            <SealedReply reply={reply} items={plan.items} canWithdraw={canWithdraw} onPick={pick} />
          ) : (
            <>
              {reply && reason !== 'closed' && reply.status === 'draft' && reply.handoff === 'submitted' ? (
                <HandoffNotice reply={reply} />
              ) : (
                <Alert type="info" showIcon title={reason === 'closed' ? t('reply.closedNotice') : t('reply.roleNotice')} style={{ marginBottom: 12 }} />
              )}
              {reply && <ReplyContent reply={reply} items={plan.items} onPick={pick} />}
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** Replies the unit withdrew: still on record, seal and all. */
function WithdrawnReplies({ replies, items }: { replies: Reply[]; items: readonly PlanItem[] }) {
  const { t } = useTranslation('consultation');
  if (replies.length === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      items={replies.map((reply) => ({
        key: reply.id,
        label: t('reply.withdrawnLabel', { sealedAt: formatTime(reply.sealedAt), withdrawnAt: formatTime(reply.withdrawnAt) }),
        children: <ReplyContent reply={reply} items={items} />,
      }))}
      data-testid="withdrawn-replies"
    />
  );
}

/** A member unit's page of one consultation: the letter's facts, the text, and the unit's own reply. */
export default function UnitConsultation({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation('consultation');
  const plan = usePlan(consultation.planId, consultation.versionNumber);
  const replies = useReplies(consultation.id);

  const current = replies.data?.find((r) => r.status === 'draft' || r.status === 'sealed') ?? null;
  const withdrawn = (replies.data ?? []).filter((r) => r.status === 'withdrawn');
  const reason = readOnlyReason(consultation);
  const editable = current === null ? consultation.allowed.draftReply : current.allowed.edit;
  const canWithdraw = current?.allowed.withdraw ?? false;

  let body;
  if (plan.error || replies.error) {
    body = <Alert type="error" showIcon title={(plan.error ?? replies.error)!.message} />;
  } else if (!plan.data || !replies.data) {
    body = <FullPageSpin />;
  } else if (editable) {
    const last = withdrawn.at(-1);
    const initial = current ? draftFromReply(current) : last ? draftFromReply(last) : EMPTY_DRAFT;
    body = (
      <ReplyWorkspace
        consultation={consultation}
        plan={plan.data}
        draft={current}
        initial={initial}
        canSeal={current?.allowed.seal ?? consultation.allowed.sealReply}
      />
    );
  } else {
    body = <ReadOnlyWorkspace consultation={consultation} plan={plan.data} reply={current} canWithdraw={canWithdraw} reason={reason} />;
  }

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/consultations">{t('list.title')}</Link> }, { title: consultation.title }]} />
      <PageHeader
        title={<span data-testid="consultation-title">{consultation.title}</span>}
        description={
          <>
            <ConsultationStatusTag status={consultation.status} />
            {t('unit.planLine', { title: consultation.planTitle, n: consultation.versionNumber })}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'deadline',
              label: t('unit.deadline'),
              children: (
                <strong data-testid="consultation-deadline">
                  {consultation.deadline}
                  {consultation.status === 'closed' && consultation.acceptingReplies && (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {t('unit.pastDeadline')}
                    </Tag>
                  )}
                </strong>
              ),
            },
            { key: 'contact', label: t('office.contact'), children: consultation.contact || t('common.none') },
            { key: 'instructions', label: t('office.instructions'), children: consultation.instructions || t('common.none') },
          ]}
        />
      </Card>
      {replies.data && plan.data && <WithdrawnReplies replies={withdrawn} items={plan.data.items} />}
      {body}
      {current && <ReplyHistory reply={current} />}
    </>
  );
}

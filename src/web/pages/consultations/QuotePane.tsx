import { CommentOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem, Span } from '../../types';
import { containing, domPointToOffset, orderedSpan, segmentIndexAt, segmentInside, segmentText, trimSpan } from '../plans/text-segments';
import '../plans/plan.css';

export interface QuotePaneHandle {
  /** Scroll the pane so that a span is in view. */
  reveal(span: Span): void;
}

interface Chosen {
  span: Span;
  item: PlanItem | null;
  top: number;
  left: number;
}

interface QuotePaneProps {
  ref?: Ref<QuotePaneHandle>;
  text: string;
  items: readonly PlanItem[];
  /** Passages the unit's opinions quote: marked in the text. */
  quotes: readonly Span[];
  /** The quote of the opinion being worked on, marked more strongly. */
  active: Span | null;
  /** The item under the pointer in the editor, shaded faintly. */
  item: Span | null;
  /** Set while the reply can be edited: selecting text then offers to comment on it. */
  onQuote?: (span: Span, item: PlanItem) => void;
  height: string;
}

const ACTIONS_WIDTH = 300;

/**
 * The consulted text, white space kept, cut into segments at every item and quote (the plan
 * page's technique: a highlight changes classes only, so a selection survives re-renders).
 * Selecting a passage inside an item offers "comment on the selected text".
 */
function QuotePane({ ref, text, items, quotes, active, item, onQuote, height }: QuotePaneProps) {
  const { t } = useTranslation('consultation');
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const spans = useMemo(() => [...items.map((i) => i.span), ...quotes, ...(active ? [active] : [])], [items, quotes, active]);
  const segments = useMemo(() => segmentText(text.length, spans), [text, spans]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(span) {
        const box = scroller.current;
        const root = body.current;
        if (!box || !root) return;
        const first = root.children[segmentIndexAt(segments, span[0])];
        if (!first) return;
        const view = box.getBoundingClientRect();
        const top = first.getBoundingClientRect().top;
        if (top >= view.top && top <= view.bottom - 40) return;
        box.scrollTo({ top: box.scrollTop + (top - view.top) - box.clientHeight / 3, behavior: 'smooth' });
      },
    }),
    [segments],
  );

  const readSelection = useCallback(() => {
    const root = body.current;
    const box = scroller.current;
    const selection = window.getSelection();
    if (!root || !box || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    if (!selection.anchorNode || !selection.focusNode) return;
    const a = domPointToOffset(root, selection.anchorNode, selection.anchorOffset);
    const b = domPointToOffset(root, selection.focusNode, selection.focusOffset);
    if (a === null || b === null) return;
    const ordered = orderedSpan(a, b);
    const span = ordered && trimSpan(text, ordered);
    if (!span) return;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    const view = box.getBoundingClientRect();
    setChosen({
      span,
      item: containing(items, span),
      top: rect.bottom - view.top + box.scrollTop + 6,
      left: Math.max(8, Math.min(rect.left - view.left, box.clientWidth - ACTIONS_WIDTH - 8)),
    });
  }, [items, text]);

  useEffect(() => {
    if (!onQuote) return;
    const onUp = () => window.setTimeout(readSelection, 0);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [onQuote, readSelection]);

  useEffect(() => {
    if (!chosen) return;
    const onDown = (event: MouseEvent) => {
      if (!actions.current?.contains(event.target as Node)) setChosen(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setChosen(null);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [chosen]);

  const quote = () => {
    if (!chosen?.item || !onQuote) return;
    onQuote(chosen.span, chosen.item);
    window.getSelection()?.removeAllRanges();
    setChosen(null);
  };

  const classOf = (segment: { start: number; end: number }): string | undefined => {
    const names: string[] = [];
    if (segmentInside(segment, item)) names.push('plan-mark-item');
    if (quotes.some((q) => segmentInside(segment, q))) names.push('consult-mark-quote');
    if (segmentInside(segment, active)) names.push('plan-mark-selection');
    return names.length > 0 ? names.join(' ') : undefined;
  };

  return (
    <div ref={scroller} className="plan-document" style={{ height }} data-testid="plan-document">
      <div ref={body} className="plan-document-text" data-testid="plan-text">
        {segments.map((segment) => (
          <span key={segment.start} data-start={segment.start} className={classOf(segment)}>
            {text.slice(segment.start, segment.end)}
          </span>
        ))}
      </div>
      {chosen && (
        <div
          ref={actions}
          className="plan-selection-actions"
          style={{ top: chosen.top, left: chosen.left }}
          onMouseDown={(event) => event.preventDefault()}
          data-testid="selection-actions"
        >
          {chosen.item ? (
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('reply.inItem', { number: chosen.item.number || chosen.item.ordinal })}
              </Typography.Text>
              <Button size="small" type="primary" icon={<CommentOutlined />} onClick={quote} data-testid="quote-selection">
                {t('reply.quoteSelection')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="selection-outside">
              {t('reply.outside')}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

export default memo(QuotePane);

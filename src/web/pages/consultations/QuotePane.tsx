import { CommentOutlined } from '@ant-design/icons';
import { memo, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../../contract/common';
import type { PlanItem } from '../../../contract/plans';
import SegmentedDocument, { type SegmentedDocumentHandle, type SelectionAction } from '../plans/SegmentedDocument';
import { segmentInside, type Segment } from '../plans/text-segments';
import '../plans/plan.css';

export interface QuotePaneHandle {
  /** Scroll the pane so that a span is in view. */
  reveal(span: Span): void;
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
  const pane = useRef<SegmentedDocumentHandle>(null);
  const spans = useMemo(() => [...items.map((i) => i.span), ...quotes, ...(active ? [active] : [])], [items, quotes, active]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(span) {
        pane.current?.reveal(span, (top, _bottom, view) => top >= view.top && top <= view.bottom - 40);
      },
    }),
    [],
  );

  const actions = useMemo<SelectionAction[] | undefined>(
    () =>
      onQuote && [
        {
          testId: 'quote-selection',
          label: t('reply.quoteSelection'),
          icon: <CommentOutlined />,
          primary: true,
          run: onQuote,
        },
      ],
    [onQuote, t],
  );

  const classOf = (segment: Segment): string | undefined => {
    const names: string[] = [];
    if (segmentInside(segment, item)) names.push('plan-mark-item');
    if (quotes.some((q) => segmentInside(segment, q))) names.push('consult-mark-quote');
    if (segmentInside(segment, active)) names.push('plan-mark-selection');
    return names.length > 0 ? names.join(' ') : undefined;
  };

  return (
    <SegmentedDocument
      ref={pane}
      text={text}
      spans={spans}
      items={items}
      classOf={classOf}
      actions={actions}
      actionsWidth={ACTIONS_WIDTH}
      inItemLabel={(chosen) => t('reply.inItem', { number: chosen.number || chosen.ordinal })}
      outsideLabel={t('reply.outside')}
      height={height}
    />
  );
}

export default memo(QuotePane);

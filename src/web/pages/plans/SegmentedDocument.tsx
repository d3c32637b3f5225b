import { Button, Flex, Typography } from 'antd';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { Span } from '../../../contract/common';
import type { PlanItem } from '../../../contract/plans';
import { containing, domPointToOffset, orderedSpan, segmentIndexAt, segmentText, trimSpan, type Segment } from './text-segments';

export interface SegmentedDocumentHandle {
  /**
   * Scroll the pane so that `span` sits a third of the way down, unless `visible` says it is
   * already in view (given the tops and bottoms of its first and last segments and the pane's box).
   */
  reveal(span: Span, visible: (top: number, bottom: number, view: DOMRect) => boolean): void;
}

/** One button the floating actions offer for text selected inside an item. */
export interface SelectionAction {
  testId: string;
  label: string;
  icon: ReactNode;
  primary?: boolean;
  run: (span: Span, item: PlanItem) => void;
}

/** Text a person selected in the document, and where to float the actions for it. */
interface Chosen {
  span: Span;
  item: PlanItem | null;
  top: number;
  left: number;
}

interface SegmentedDocumentProps {
  ref?: Ref<SegmentedDocumentHandle>;
  text: string;
  /** Every span the pane may highlight: the text is cut at their boundaries. */
  spans: readonly Span[];
  items: readonly PlanItem[];
  /** CSS classes of one segment under the current highlights. */
  classOf: (segment: Segment) => string | undefined;
  /** Set while text may be selected for an action: selecting text inside an item then offers these. */
  actions?: readonly SelectionAction[];
  /** Room the floating actions need. */
  actionsWidth: number;
  /** "In item (n)" for the item that holds the selection. */
  inItemLabel: (item: PlanItem) => string;
  /** Said when the selection lies outside every item. */
  outsideLabel: string;
  height: string;
}

/**
 * A document's text, white space kept, as a flat run of `<span data-start>` segments cut at every
 * span that may be highlighted (see text-segments.ts), so a highlight changes classes only and a
 * selection survives re-renders. With `actions`, selecting a passage floats buttons beside it.
 */
export default function SegmentedDocument({
  ref,
  text,
  spans,
  items,
  classOf,
  actions,
  actionsWidth,
  inItemLabel,
  outsideLabel,
  height,
}: SegmentedDocumentProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const floating = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const segments = useMemo(() => segmentText(text.length, spans), [text, spans]);
  const selectable = actions !== undefined;

  useImperativeHandle(
    ref,
    () => ({
      reveal(span, visible) {
        const box = scroller.current;
        const root = body.current;
        if (!box || !root) return;
        const first = root.children[segmentIndexAt(segments, span[0])];
        const last = root.children[segmentIndexAt(segments, Math.max(span[0], span[1] - 1))] ?? first;
        if (!first || !last) return;
        const view = box.getBoundingClientRect();
        const top = first.getBoundingClientRect().top;
        const bottom = last.getBoundingClientRect().bottom;
        if (visible(top, bottom, view)) return;
        box.scrollTo({ top: box.scrollTop + (top - view.top) - box.clientHeight / 3, behavior: 'smooth' });
      },
    }),
    [segments],
  );

  // After a mouse or keyboard selection ends: which text, in which item, and where to show the actions.
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
      left: Math.max(8, Math.min(rect.left - view.left, box.clientWidth - actionsWidth - 8)),
    });
  }, [items, text, actionsWidth]);

  useEffect(() => {
    if (!selectable) return;
    const onUp = () => window.setTimeout(readSelection, 0);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [selectable, readSelection]);

  // A new press anywhere but on the actions themselves drops them; so does Escape.
  useEffect(() => {
    if (!chosen) return;
    const onDown = (event: MouseEvent) => {
      if (!floating.current?.contains(event.target as Node)) setChosen(null);
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

  const act = (action: SelectionAction) => {
    if (!chosen?.item) return;
    action.run(chosen.span, chosen.item);
    window.getSelection()?.removeAllRanges();
    setChosen(null);
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
          ref={floating}
          className="plan-selection-actions"
          style={{ top: chosen.top, left: chosen.left }}
          // Keep the text selection while the pointer is on the actions.
          onMouseDown={(event) => event.preventDefault()}
          data-testid="selection-actions"
        >
          {chosen.item ? (
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {inItemLabel(chosen.item)}
              </Typography.Text>
              {(actions ?? []).map((action) => (
                <Button
                  key={action.testId}
                  size="small"
                  type={action.primary ? 'primary' : undefined}
                  icon={action.icon}
                  onClick={() => act(action)}
                  data-testid={action.testId}
                >
                  {action.label}
                </Button>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="selection-outside">
              {outsideLabel}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

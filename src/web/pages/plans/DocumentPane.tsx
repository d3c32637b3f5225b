import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactKind, PlanItem, Span } from '../../types';
import {
  containing,
  domPointToOffset,
  orderedSpan,
  segmentClassName,
  segmentIndexAt,
  segmentText,
  trimSpan,
  type Highlights,
} from './text-segments';

export interface DocumentPaneHandle {
  /**
   * Scroll the pane to a span unless it is already in view: `whole` wants all of it visible
   * (a fact), otherwise any part will do (an item).
   */
  reveal(span: Span, whole?: boolean): void;
}

/** Text a person selected in the document, and where to float the actions for it. */
interface Chosen {
  span: Span;
  item: PlanItem | null;
  top: number;
  left: number;
}

interface DocumentPaneProps {
  ref?: Ref<DocumentPaneHandle>;
  text: string;
  /** Every span the page may highlight: the text is cut at their boundaries. */
  spans: readonly Span[];
  items: readonly PlanItem[];
  highlights: Highlights;
  /** Set for people who may add facts: selecting text then offers to add it. */
  onAdd?: (kind: FactKind, span: Span, item: PlanItem) => void;
  height: string;
}

// Room the floating actions need (the English labels are the longer ones).
const ACTIONS_WIDTH = 440;

/** The plan's decoded text, white space kept, with highlights and (for the office) text selection to add facts. */
function DocumentPane({ ref, text, spans, items, highlights, onAdd, height }: DocumentPaneProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const segments = useMemo(() => segmentText(text.length, spans), [text, spans]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(span, whole = true) {
        const box = scroller.current;
        const root = body.current;
        if (!box || !root) return;
        const first = root.children[segmentIndexAt(segments, span[0])];
        const last = root.children[segmentIndexAt(segments, Math.max(span[0], span[1] - 1))] ?? first;
        if (!first || !last) return;
        const view = box.getBoundingClientRect();
        const top = first.getBoundingClientRect().top;
        const bottom = last.getBoundingClientRect().bottom;
        const visible = whole ? top >= view.top && bottom <= view.bottom : bottom > view.top && top < view.bottom;
        if (visible) return;
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
      left: Math.max(8, Math.min(rect.left - view.left, box.clientWidth - ACTIONS_WIDTH - 8)),
    });
  }, [items, text]);

  useEffect(() => {
    if (!onAdd) return;
    const onUp = () => window.setTimeout(readSelection, 0);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [onAdd, readSelection]);

  // A new press anywhere but on the actions themselves drops them; so does Escape.
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

  const add = (kind: FactKind) => {
    if (!chosen?.item || !onAdd) return;
    onAdd(kind, chosen.span, chosen.item);
    window.getSelection()?.removeAllRanges();
    setChosen(null);
  };

  return (
    <div ref={scroller} className="plan-document" style={{ height }} data-testid="plan-document">
      <div ref={body} className="plan-document-text" data-testid="plan-text">
        {segments.map((segment) => (
          <span key={segment.start} data-start={segment.start} className={segmentClassName(segment, highlights)}>
            {text.slice(segment.start, segment.end)}
          </span>
        ))}
      </div>
      {chosen && (
        <div
          ref={actions}
          className="plan-selection-actions"
          style={{ top: chosen.top, left: chosen.left }}
          // Keep the text selection while the pointer is on the actions.
          onMouseDown={(event) => event.preventDefault()}
          data-testid="selection-actions"
        >
          {chosen.item ? (
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('plan.selection.inItem', { number: chosen.item.number || chosen.item.ordinal })}
              </Typography.Text>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add('responsible')} data-testid="add-responsible">
                {t('plan.selection.asResponsible')}
              </Button>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add('target')} data-testid="add-target">
                {t('plan.selection.asTarget')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="selection-outside">
              {t('plan.selection.outside')}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

export default memo(DocumentPane);

import { PlusOutlined } from '@ant-design/icons';
import { memo, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../../contract/common';
import type { FactKind, PlanItem } from '../../../contract/plans';
import SegmentedDocument, { type SegmentedDocumentHandle, type SelectionAction } from './SegmentedDocument';
import { segmentClassName, type Highlights, type Segment } from './text-segments';

export interface DocumentPaneHandle {
  /**
   * Scroll the pane to a span unless it is already in view: `whole` wants all of it visible
   * (a fact), otherwise any part will do (an item).
   */
  reveal(span: Span, whole?: boolean): void;
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
  const pane = useRef<SegmentedDocumentHandle>(null);

  useImperativeHandle(
    ref,
    () => ({
      reveal(span, whole = true) {
        pane.current?.reveal(span, (top, bottom, view) =>
          whole ? top >= view.top && bottom <= view.bottom : bottom > view.top && top < view.bottom,
        );
      },
    }),
    [],
  );

  const actions = useMemo<SelectionAction[] | undefined>(
    () =>
      onAdd && [
        {
          testId: 'add-responsible',
          label: t('plan.selection.asResponsible'),
          icon: <PlusOutlined />,
          run: (span, item) => onAdd('responsible', span, item),
        },
        {
          testId: 'add-target',
          label: t('plan.selection.asTarget'),
          icon: <PlusOutlined />,
          run: (span, item) => onAdd('target', span, item),
        },
      ],
    [onAdd, t],
  );

  return (
    <SegmentedDocument
      ref={pane}
      text={text}
      spans={spans}
      items={items}
      classOf={(segment: Segment) => segmentClassName(segment, highlights)}
      actions={actions}
      actionsWidth={ACTIONS_WIDTH}
      inItemLabel={(item) => t('plan.selection.inItem', { number: item.number || item.ordinal })}
      outsideLabel={t('plan.selection.outside')}
      height={height}
    />
  );
}

export default memo(DocumentPane);

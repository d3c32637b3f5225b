import { describe, expect, it } from 'vitest';
import type { Span } from '../../../contract/common';
import {
  containing,
  domPointToOffset,
  orderedSpan,
  segmentClassName,
  segmentIndexAt,
  segmentText,
  trimSpan,
  type PointNode,
} from './text-segments';

// A tiny stand-in for the DOM the document pane renders: <div> of <span data-start>text</span>.
interface FakeNode extends PointNode {
  parentNode: FakeNode | null;
  childNodes: FakeNode[];
}

function textNode(text: string): FakeNode {
  return { nodeType: 3, parentNode: null, childNodes: [], textContent: text };
}

function element(attributes: Record<string, string>, children: FakeNode[]): FakeNode {
  const node: FakeNode = {
    nodeType: 1,
    parentNode: null,
    childNodes: children,
    get textContent() {
      return children.map((child) => child.textContent ?? '').join('');
    },
    getAttribute: (name) => attributes[name] ?? null,
  };
  for (const child of children) child.parentNode = node;
  return node;
}

function renderPane(text: string, spans: Span[]): FakeNode {
  return element(
    {},
    segmentText(text.length, spans).map((s) => element({ 'data-start': String(s.start) }, [textNode(text.slice(s.start, s.end))])),
  );
}

const TEXT = '(一)有序放开放宽城市落户限制。(省公安厅、省民政厅等部门及各市州政府负责)';

describe('segmentText', () => {
  it('cuts the text at every span boundary so that each span is a run of whole segments', () => {
    const segments = segmentText(10, [
      [2, 5],
      [4, 8],
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
      { start: 5, end: 8 },
      { start: 8, end: 10 },
    ]);
  });

  it('covers the text exactly once, with no empty segment, whatever the spans', () => {
    const segments = segmentText(6, [
      [0, 6],
      [3, 3],
      [-2, 99],
      [2, 4],
      [2, 4],
    ]);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 6],
    ]);
    expect(segmentText(0, [[0, 1]])).toEqual([]);
  });
});

describe('segmentIndexAt', () => {
  const segments = segmentText(10, [
    [2, 5],
    [7, 9],
  ]);

  it('finds the segment holding an offset, and the last one for the end of the text', () => {
    expect([0, 1, 2, 4, 5, 6, 7, 9, 10].map((offset) => segmentIndexAt(segments, offset))).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 4]);
  });

  it('answers -1 outside the text', () => {
    expect(segmentIndexAt(segments, -1)).toBe(-1);
    expect(segmentIndexAt(segments, 11)).toBe(-1);
    expect(segmentIndexAt([], 0)).toBe(-1);
  });
});

describe('segmentClassName', () => {
  it('marks the segments inside each highlight, and nothing else', () => {
    const segments = segmentText(10, [
      [0, 6],
      [2, 4],
    ]);
    const classes = segments.map((s) => segmentClassName(s, { item: [0, 6], fact: [2, 4], warning: null }));
    expect(classes).toEqual(['plan-mark-item', 'plan-mark-item plan-mark-fact', 'plan-mark-item', undefined]);
  });
});

describe('selection helpers', () => {
  it('orders the two ends of a selection and treats a caret as no selection', () => {
    expect(orderedSpan(9, 4)).toEqual([4, 9]);
    expect(orderedSpan(4, 9)).toEqual([4, 9]);
    expect(orderedSpan(5, 5)).toBeNull();
  });

  it('leaves white space out of a selection', () => {
    expect(trimSpan(' \n4.35万套。\n', [0, 10])).toEqual([2, 9]);
    expect(trimSpan('  \n ', [0, 4])).toBeNull();
    expect(trimSpan('abc', [-3, 50])).toEqual([0, 3]);
  });

  it('finds the item whose span contains a selection', () => {
    const items = [
      { ordinal: 1, span: [0, 10] as Span },
      { ordinal: 2, span: [12, 30] as Span },
    ];
    expect(containing(items, [13, 20])?.ordinal).toBe(2);
    expect(containing(items, [0, 10])?.ordinal).toBe(1);
    expect(containing(items, [8, 14])).toBeNull();
    expect(containing(items, [10, 12])).toBeNull();
  });
});

describe('domPointToOffset', () => {
  const at = (needle: string): Span => [TEXT.indexOf(needle), TEXT.indexOf(needle) + needle.length];
  const spans: Span[] = [at('省公安厅'), at('省民政厅'), at('各市州政府')];
  const root = renderPane(TEXT, spans);
  const segments = root.childNodes;

  it('maps a point inside a text node to its offset in the whole text', () => {
    for (const segment of segments) {
      const start = Number(segment.getAttribute!('data-start'));
      const text = segment.childNodes[0]!;
      for (let offset = 0; offset <= (text.textContent ?? '').length; offset++) {
        expect(domPointToOffset(root, text, offset)).toBe(start + offset);
      }
    }
  });

  it('gives back exactly the selected text for a selection across segments', () => {
    // 省公安厅、省民政厅 runs over three segments; the selection is made backwards.
    const from = TEXT.indexOf('省公安厅');
    const to = TEXT.indexOf('等部门');
    const mingzheng = at('省民政厅')[1];
    const startSegment = segments.find((s) => Number(s.getAttribute!('data-start')) === from)!;
    const endSegment = segments.find((s) => Number(s.getAttribute!('data-start')) === mingzheng)!;
    const a = domPointToOffset(root, startSegment.childNodes[0]!, 0);
    const b = domPointToOffset(root, endSegment.childNodes[0]!, to - mingzheng);
    const span = orderedSpan(b!, a!)!;
    expect(TEXT.slice(span[0], span[1])).toBe('省公安厅、省民政厅');
  });

  it('maps points given on elements: before the n-th child', () => {
    const second = segments[1]!;
    const secondStart = Number(second.getAttribute!('data-start'));
    expect(domPointToOffset(root, second, 0)).toBe(secondStart);
    expect(domPointToOffset(root, second, 1)).toBe(secondStart + (second.textContent ?? '').length);
    expect(domPointToOffset(root, root, 0)).toBe(0);
    expect(domPointToOffset(root, root, 2)).toBe(Number(segments[2]!.getAttribute!('data-start')));
    expect(domPointToOffset(root, root, segments.length)).toBe(TEXT.length);
  });

  it('clamps an offset past the end of a text node', () => {
    const first = segments[0]!.childNodes[0]!;
    expect(domPointToOffset(root, first, 999)).toBe((first.textContent ?? '').length);
  });

  it('answers null for a point outside the pane', () => {
    const elsewhere = element({ 'data-start': '3' }, [textNode('其他')]);
    expect(domPointToOffset(root, elsewhere.childNodes[0]!, 1)).toBeNull();
  });

  it('counts earlier text nodes when a segment holds more than one', () => {
    const pane = element({}, [element({ 'data-start': '10' }, [textNode('ab'), element({}, [textNode('cd')]), textNode('ef')])]);
    const segment = pane.childNodes[0]!;
    expect(domPointToOffset(pane, segment.childNodes[2]!, 1)).toBe(15);
    expect(domPointToOffset(pane, segment.childNodes[1]!.childNodes[0]!, 2)).toBe(14);
    expect(domPointToOffset(pane, segment, 2)).toBe(14);
  });
});

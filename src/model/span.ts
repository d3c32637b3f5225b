/** A `[start, end)` range in JavaScript string offsets into a document's decoded text. */
export type Span = [number, number];

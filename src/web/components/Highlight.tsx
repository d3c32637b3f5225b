import { normaliseQuery } from '../unit-search';

/** `text` with the first case-insensitive occurrence of `query` marked. */
export default function Highlight({ text, query }: { text: string; query: string }) {
  const q = normaliseQuery(query);
  const at = q ? text.toLowerCase().indexOf(q) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="luoshi-hit">{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

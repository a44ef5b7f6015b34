import { highlight } from './search.ts';

/**
 * Text with the search words marked. <mark> is announced as "highlight" by screen readers,
 * and the CSS underlines and bolds it, so a match never depends on colour alone.
 */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>{highlight(text, terms).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>
  );
}

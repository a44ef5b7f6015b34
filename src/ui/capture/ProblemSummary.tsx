import type { RefObject } from 'preact';

/** Why the record was not submitted, focused so a screen reader reads it at once. */
export function ProblemSummary(props: {
  failure: string;
  problems: string[];
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div class="notice bad" role="alert" tabIndex={-1} ref={props.summaryRef}>
      {props.failure}
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useId, useMemo } from 'preact/hooks';
import { pathTaken, type Walk } from '../../policy/flowchart.ts';
import type { Flowchart } from '../../policy/pack-schema.ts';
import {
  edgeKey,
  layoutFlowchart,
  nodeText,
  NODE_H,
  NODE_W,
  takenOnWalk,
} from './diagram-layout.ts';

const KIND = { question: 'Question', action: 'Checklist', end: 'Outcome' } as const;

/**
 * The whole flowchart as a picture, generated as SVG, with the path taken marked by a thick
 * outline and "✓" (and the current step by "▶ Now"), never by colour alone. The SVG is one
 * image to assistive technology; the ordered list under it says the same path in words.
 */
export function FlowDiagram({ flowchart, walk }: { flowchart: Flowchart; walk: Walk }) {
  const layout = useMemo(() => layoutFlowchart(flowchart), [flowchart]);
  const taken = takenOnWalk(walk);
  const path = pathTaken(walk);
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const here = taken.current ? flowchart.nodes[taken.current] : undefined;
  return (
    <figure class="wizard-diagram" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <strong>The whole flowchart: {flowchart.title}</strong>
        <span class="muted">
          {' '}
          Steps marked ✓ with a thick outline are on the path taken; ▶ Now marks where you are.
          Dashed lines go back to an earlier step.
        </span>
      </figcaption>
      <div
        class="wizard-diagram-scroll"
        tabIndex={0}
        role="region"
        aria-label="Flowchart diagram (scrolls sideways)"
      >
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
        >
          <title id={`${id}-title`}>
            Diagram of “{flowchart.title}”: {layout.nodes.length} steps. The path taken is listed in
            words below the diagram.
          </title>
          <defs>
            <marker
              id={`${id}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="12"
              markerHeight="12"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" class="arrow" />
            </marker>
          </defs>
          {layout.edges.map((e) => {
            const on = taken.edges.has(edgeKey(e.from, e.answerId));
            return (
              <g
                key={`${e.from}-${e.answerId}`}
                class={`dedge${on ? ' taken' : ''}${e.back ? ' back' : ''}`}
              >
                <path d={e.d} marker-end={`url(#${id}-arrow)`} />
                {e.labelLines.length > 0 && (
                  <EdgeLabel
                    lines={e.labelLines}
                    x={e.labelX}
                    y={e.labelY}
                    taken={on}
                    full={e.fullLabel}
                  />
                )}
              </g>
            );
          })}
          {layout.nodes.map((n) => {
            const on = taken.nodes.has(n.id);
            const now = taken.current === n.id;
            return (
              <g key={n.id} class={`dnode ${n.kind}${on ? ' taken' : ''}${now ? ' current' : ''}`}>
                <title>{n.full}</title>
                <rect
                  x={n.x}
                  y={n.y}
                  width={NODE_W}
                  height={NODE_H}
                  rx={n.kind === 'question' ? 16 : n.kind === 'end' ? 6 : 0}
                />
                {n.kind === 'end' && (
                  <rect
                    class="inner"
                    x={n.x + 4}
                    y={n.y + 4}
                    width={NODE_W - 8}
                    height={NODE_H - 8}
                    rx={4}
                  />
                )}
                <text class="dkind" x={n.x + 10} y={n.y + 20}>
                  {now ? '▶ Now · ' : on ? '✓ ' : ''}
                  {KIND[n.kind]}
                </text>
                <text class="dtext">
                  {n.lines.map((line, i) => (
                    <tspan key={i} x={n.x + 10} y={n.y + 40 + i * 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <h3 class="wizard-path-title">The path taken, in words</h3>
      <ol class="wizard-path-text">
        {path.map((p, i) => (
          <li key={i}>
            {p.kind === 'action' ? `Checklist “${p.prompt}”: done` : `${p.prompt} ✓ ${p.label}`}
            {p.reason ? ` (reason: ${p.reason})` : ''}
          </li>
        ))}
        {here && (
          <li>
            ▶ Now: {KIND[here.kind]}: {nodeText(here)}
          </li>
        )}
      </ol>
    </figure>
  );
}

/** An answer's label on its edge, centred, on a white ground so lines do not cross it. */
function EdgeLabel(props: { lines: string[]; x: number; y: number; taken: boolean; full: string }) {
  const lines = props.taken ? [`✓ ${props.lines[0]}`, ...props.lines.slice(1)] : props.lines;
  const width = Math.max(...lines.map((l) => l.length)) * 6.4 + 8;
  const height = lines.length * 13 + 4;
  const top = props.y - height / 2;
  return (
    <g class="dlabel">
      <title>{props.full}</title>
      <rect x={props.x - width / 2} y={top} width={width} height={height} rx={3} />
      <text text-anchor="middle">
        {lines.map((l, i) => (
          <tspan key={i} x={props.x} y={top + 12 + i * 13}>
            {l}
          </tspan>
        ))}
      </text>
    </g>
  );
}

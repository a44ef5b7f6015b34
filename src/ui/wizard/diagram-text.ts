/**
 * Fitting a flowchart's words into the diagram's boxes: the text each node shows, wrapped to
 * a few short lines and cut with … when it is too long. Lines are counted in characters
 * rather than measured, so the layout stays pure and needs no DOM.
 */
import type { FlowNode } from '../../policy/pack-schema.ts';

const CHARS_PER_LINE = 23;
const MAX_LINES = 4;

/** The text a node shows: the question, the checklist's title, or the outcome. */
export function nodeText(node: FlowNode): string {
  return node.kind === 'question' ? node.text : node.kind === 'action' ? node.title : node.outcome;
}

/** Splits text into at most `maxLines` lines of about `width` characters. */
export function wrapText(text: string, width = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => shorten(l, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} …`, width);
  return kept.map((l) => shorten(l, width));
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

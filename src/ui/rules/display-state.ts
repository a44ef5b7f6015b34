/**
 * The class display's moves, as pure functions: which key does what, where a move lands,
 * which way a swipe went, and how large a rule's type may be. ClassDisplay.tsx wires them to
 * the page; the component tests drive them through it.
 */

export type DisplayAction = 'next' | 'prev' | 'first' | 'last' | 'leave';

interface KeyLike {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The keys a presenter's clicker or a keyboard sends: arrows, Page Up/Down (most clickers),
 * Space (Shift+Space goes back), Home/End, and Escape to leave. Shortcuts with Ctrl, Alt or
 * Meta belong to the browser.
 */
export function actionForKey(e: KeyLike): DisplayAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
    case 'Esc':
      return 'leave';
    default:
      return null;
  }
}

export interface Position {
  index: number;
  /** Which way the last move went, for the slide-in (none on the first rule shown). */
  direction: 'next' | 'prev' | 'none';
}

export const START: Position = { index: 0, direction: 'none' };

/** Where a move lands among `total` rules; at either end a move stays put. */
export function move(
  at: Position,
  action: Exclude<DisplayAction, 'leave'>,
  total: number,
): Position {
  const last = Math.max(0, total - 1);
  const target =
    action === 'next'
      ? Math.min(at.index + 1, last)
      : action === 'prev'
        ? Math.max(at.index - 1, 0)
        : action === 'first'
          ? 0
          : last;
  if (target === at.index) return at;
  return { index: target, direction: target > at.index ? 'next' : 'prev' };
}

/** A swipe is a mostly sideways drag of at least 50 px; a swipe to the left shows the next rule. */
export function swipeAction(dx: number, dy: number): 'next' | 'prev' | null {
  if (Math.abs(dx) < 50 || Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'prev';
}

/** Longer rules get smaller (still large) type, so one rule fits a whiteboard without scrolling. */
export function lengthClass(text: string): 'short' | 'medium' | 'long' | 'longest' {
  if (text.length <= 70) return 'short';
  if (text.length <= 150) return 'medium';
  if (text.length <= 300) return 'long';
  return 'longest';
}

/** How crowded a whole poster is, for its type size. */
export function densityClass(count: number): 'few' | 'some' | 'many' {
  if (count <= 6) return 'few';
  if (count <= 12) return 'some';
  return 'many';
}

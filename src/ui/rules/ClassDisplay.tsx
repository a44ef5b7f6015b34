/**
 * Class display: a rule set on the interactive whiteboard, one rule at a time or as the whole
 * poster, in very large black-on-white (or white-on-black) type. Moves by the large buttons,
 * a swipe, a presenter's clicker or the keyboard (see display-state.ts); the position is
 * announced politely ("Rule 2 of 6"). It is a modal dialog in a portal beside the app, which
 * goes inert behind it; focus starts on the dialog and returns to the button that opened it.
 */
import type { RuleSet } from '../../policy/pack-schema.ts';
import { createPortal } from 'preact/compat';
import { useCallback, useId, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  actionForKey,
  densityClass,
  lengthClass,
  move,
  START,
  swipeAction,
  type DisplayAction,
} from './display-state.ts';
import { ruleLine } from './labels.ts';
import { trapTab, useDisplayEffects, usePrefersReducedMotion } from './use-display-effects.ts';

type View = 'one' | 'poster';

interface ClassDisplayProps {
  ruleSet: RuleSet;
  onLeave: () => void;
}

export function ClassDisplay({ ruleSet, onLeave }: ClassDisplayProps) {
  const total = ruleSet.rules.length;
  const [at, dispatch] = useReducer(
    (pos: typeof START, action: Exclude<DisplayAction, 'leave'>) => move(pos, action, total),
    START,
  );
  const [view, setView] = useState<View>('one');
  const [dark, setDark] = useState(false);
  const reduced = usePrefersReducedMotion();
  const dialog = useRef<HTMLDivElement>(null);
  const swipeFrom = useRef<{ x: number; y: number; id: number } | null>(null);
  const titleId = useId();
  const hintId = useId();

  useDisplayEffects(onLeave);
  // At commit, not after paint: a key pressed the moment the display appears still counts.
  useLayoutEffect(() => dialog.current?.focus(), []);

  const act = useCallback(
    (action: DisplayAction) => (action === 'leave' ? onLeave() : dispatch(action)),
    [onLeave],
  );

  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') return trapTab(e, dialog.current);
      const action = actionForKey(e);
      if (!action) return;
      // Space and Enter on a focused button press that button, as everywhere else.
      const onButton = (e.target as Element | null)?.closest?.('button');
      if (onButton && (e.key === ' ' || e.key === 'Enter')) return;
      if (view === 'poster' && action !== 'leave') return;
      e.preventDefault();
      act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [act, view]);

  const rule = ruleSet.rules[at.index]!;
  const line = ruleLine(rule);
  const atStart = at.index === 0;
  const atEnd = at.index === total - 1;

  return createPortal(
    <div
      ref={dialog}
      class="rules-display"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      tabIndex={-1}
      data-contrast={dark ? 'dark' : 'light'}
      data-view={view}
    >
      <div class="rules-display-bar">
        <div class="rules-display-views" role="group" aria-label="Show">
          <button type="button" aria-pressed={view === 'one'} onClick={() => setView('one')}>
            One rule at a time
          </button>
          <button type="button" aria-pressed={view === 'poster'} onClick={() => setView('poster')}>
            Whole poster
          </button>
        </div>
        <button type="button" aria-pressed={dark} onClick={() => setDark((d) => !d)}>
          White on black
        </button>
        <button type="button" class="rules-display-leave" onClick={onLeave}>
          Leave class display
        </button>
      </div>
      <p id={hintId} class="rules-display-hint">
        {view === 'one'
          ? 'Next rule: → key, Page Down, Space or swipe left. Previous: ← key, Page Up or swipe right. Home and End go to the first and last rule. Escape leaves.'
          : 'Escape leaves.'}
      </p>
      <h2 id={titleId} class="rules-display-title">
        {ruleSet.title}
      </h2>
      <div
        class="rules-display-stage"
        // A long poster scrolls, so it takes focus then and the keys scroll it.
        tabIndex={view === 'poster' ? 0 : undefined}
        role={view === 'poster' ? 'region' : undefined}
        aria-label={view === 'poster' ? 'All the rules' : undefined}
        onPointerDown={(e) => (swipeFrom.current = { x: e.clientX, y: e.clientY, id: e.pointerId })}
        onPointerCancel={() => (swipeFrom.current = null)}
        onPointerUp={(e) => {
          const from = swipeFrom.current;
          swipeFrom.current = null;
          if (!from || from.id !== e.pointerId || view !== 'one') return;
          const action = swipeAction(e.clientX - from.x, e.clientY - from.y);
          if (action) dispatch(action);
        }}
      >
        {view === 'one' ? (
          <p
            key={at.index}
            class="rules-display-rule"
            data-length={lengthClass(line)}
            data-enter={reduced ? 'none' : at.direction}
          >
            <span class="rules-display-num" aria-hidden="true">
              {at.index + 1}
            </span>
            {rule.group && <span class="rules-display-group">{rule.group}</span>}
            {rule.title && <strong class="rules-display-rtitle">{rule.title} </strong>}
            <span>{rule.text}</span>
          </p>
        ) : (
          <>
            {ruleSet.intro && <p class="rules-display-intro">{ruleSet.intro}</p>}
            <ol class="rules-display-poster" data-density={densityClass(total)}>
              {ruleSet.rules.map((r) => (
                <li key={r.id}>{ruleLine(r)}</li>
              ))}
            </ol>
          </>
        )}
      </div>
      <div class="rules-display-nav">
        {view === 'one' && (
          <button
            type="button"
            aria-disabled={atStart}
            onClick={() => dispatch('prev')}
            class="rules-display-move"
          >
            <span aria-hidden="true">←</span> Previous rule
          </button>
        )}
        <p class="rules-display-position" aria-live="polite" aria-atomic="true">
          {view === 'one' ? `Rule ${at.index + 1} of ${total}` : `All ${total} rules`}
        </p>
        {view === 'one' && (
          <button
            type="button"
            aria-disabled={atEnd}
            onClick={() => dispatch('next')}
            class="rules-display-move"
          >
            Next rule <span aria-hidden="true">→</span>
          </button>
        )}
      </div>
    </div>,
    document.body,
  );
}

/**
 * One rule set: its rules with their source and version, the way into class display, the
 * two print buttons, and "Record a breach" on each rule. The printed layouts sit beside the
 * screen version and only the print CSS shows them.
 */
import { Link } from '../components/Link.tsx';
import type { RuleSet } from '../../policy/pack-schema.ts';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '../components/Notice.tsx';
import { ClassDisplay } from './ClassDisplay.tsx';
import { requestFullscreen } from './fullscreen.ts';
import {
  AUDIENCE_LABELS,
  FORM_LABELS,
  groupRules,
  signatureLinesOf,
  sourceText,
} from './labels.ts';
import { printAs, setPrintLayout } from './print.ts';
import { PrintAgreement, PrintPoster } from './PrintLayouts.tsx';

interface RuleSetScreenProps {
  ruleSet: RuleSet;
  /** False while the device shows the default pack because the school's is not cached yet. */
  fromSchool: boolean;
  onBreach: (ruleId: string) => void;
}

export function RuleSetScreen({ ruleSet, fromSchool, onBreach }: RuleSetScreenProps) {
  const [displaying, setDisplaying] = useState(false);
  const showButton = useRef<HTMLButtonElement>(null);
  const wasDisplaying = useRef(false);

  // Focus goes back to the button that opened the display when it closes.
  useEffect(() => {
    if (wasDisplaying.current && !displaying) showButton.current?.focus();
    wasDisplaying.current = displaying;
  }, [displaying]);
  // A print choice does not outlive the page that made it.
  useEffect(() => () => setPrintLayout(null), []);

  const leave = useCallback(() => setDisplaying(false), []);
  const also = (ruleSet.alsoFor ?? []).map((a) => AUDIENCE_LABELS[a]);

  return (
    <div class="rules-page">
      <div class="rules-screen">
        <p class="rules-back">
          <Link to="/rules">← All rules and agreements</Link>
        </p>
        <h1>{ruleSet.title}</h1>
        <dl class="rules-facts">
          <dt>For</dt>
          <dd>
            {AUDIENCE_LABELS[ruleSet.audience]}
            {also.length > 0 && ` (also ${also.join(', ')})`}
          </dd>
          <dt>Form</dt>
          <dd>{FORM_LABELS[ruleSet.form]}</dd>
          <dt>Source</dt>
          <dd>{sourceText(ruleSet)}</dd>
          <dt>Version</dt>
          <dd>{ruleSet.version}</dd>
        </dl>
        {!fromSchool && (
          <Notice>
            This device has not downloaded your school’s policy pack yet, so these are the default
            rules from the seed policies.
          </Notice>
        )}
        <div class="actions rules-actions">
          <button
            ref={showButton}
            type="button"
            class="big"
            onClick={() => {
              requestFullscreen(); // needs this click; the overlay works without it
              setDisplaying(true);
            }}
          >
            Show to the class
          </button>
          <button type="button" class="secondary" onClick={() => printAs('poster')}>
            Print poster
          </button>
          <button type="button" class="secondary" onClick={() => printAs('agreement')}>
            Print agreement form
          </button>
        </div>
        {ruleSet.intro && <p class="rules-intro">{ruleSet.intro}</p>}
        {groupRules(ruleSet).map((g) => (
          <section key={g.start} aria-label={g.group ?? undefined}>
            {g.group && <h2 class="rules-group">{g.group}</h2>}
            <ol class="rules-list" start={g.start}>
              {g.rules.map((rule, i) => {
                const n = g.start + i;
                return (
                  <li key={rule.id} id={`rule-${rule.id}`}>
                    <p class="rules-text">
                      {rule.title && <strong>{rule.title}: </strong>}
                      {rule.text}
                    </p>
                    <button
                      type="button"
                      class="secondary rules-breach"
                      onClick={() => onBreach(rule.id)}
                    >
                      Record a breach of rule {n}
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        {ruleSet.closing && <p class="rules-closing">{ruleSet.closing}</p>}
        <p class="muted">
          The printed agreement form ends with lines for: {signatureLinesOf(ruleSet).join('; ')}.
        </p>
      </div>
      <PrintPoster ruleSet={ruleSet} />
      <PrintAgreement ruleSet={ruleSet} />
      {displaying && <ClassDisplay ruleSet={ruleSet} onLeave={leave} />}
    </div>
  );
}

/**
 * The two printed forms of a rule set, drawn on A4 by the print CSS (styles/rules.css)
 * and hidden on screen: the poster (large numbered rules for a classroom wall) and
 * the agreement form (the rules, the closing statement and lines to sign on). `data-print`
 * on <html> (print.ts) says which one a print shows.
 */
import type { RuleSet } from '../../policy/pack-schema.ts';
import { densityClass } from './display-state.ts';
import { groupRules, ruleLine, signatureLinesOf, sourceText } from './labels.ts';

function PrintFooter({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <p class="rules-print-source">
      Source: {sourceText(ruleSet)}. Version {ruleSet.version}.
    </p>
  );
}

function PrintedRules({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <>
      {groupRules(ruleSet).map((g) => (
        <div key={g.start} class="rules-print-group">
          {g.group && <h3>{g.group}</h3>}
          <ol start={g.start}>
            {g.rules.map((r) => (
              <li key={r.id}>{ruleLine(r)}</li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

export function PrintPoster({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <section
      class="rules-print rules-print-poster"
      data-density={densityClass(ruleSet.rules.length)}
      aria-label={`Printed poster: ${ruleSet.title}`}
    >
      {ruleSet.intro && <p class="rules-print-intro">{ruleSet.intro}</p>}
      <h2 class="rules-print-title">{ruleSet.title}</h2>
      <PrintedRules ruleSet={ruleSet} />
      <PrintFooter ruleSet={ruleSet} />
    </section>
  );
}

export function PrintAgreement({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <section
      class="rules-print rules-print-agreement"
      aria-label={`Printed agreement form: ${ruleSet.title}`}
    >
      <h2 class="rules-print-title">{ruleSet.title}</h2>
      {ruleSet.intro && <p class="rules-print-intro">{ruleSet.intro}</p>}
      <PrintedRules ruleSet={ruleSet} />
      {ruleSet.closing && <p class="rules-print-closing">{ruleSet.closing}</p>}
      <div class="rules-print-signatures">
        {signatureLinesOf(ruleSet).map((label, i) => (
          <div key={i} class="rules-sign">
            <span class="rules-sign-label">{label}</span>
            <span class="rules-sign-line" />
          </div>
        ))}
      </div>
      <PrintFooter ruleSet={ruleSet} />
    </section>
  );
}

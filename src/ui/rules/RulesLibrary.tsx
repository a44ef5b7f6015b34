/**
 * The rules library: every rule set in the pack by audience, with its source and version,
 * and an instant search across all their rules. Everything is in the pack already on the
 * device, so it all works offline.
 */
import { Link } from '../components/Link.tsx';
import type { Audience, PolicyPack, RuleSet } from '../../policy/pack-schema.ts';
import { useId, useMemo, useState } from 'preact/hooks';
import { Notice } from '../components/Notice.tsx';
import { Highlight } from './Highlight.tsx';
import {
  AUDIENCE_LABELS,
  AUDIENCE_ORDER,
  audiencesOf,
  FORM_LABELS,
  isFor,
  sourceText,
} from './labels.ts';
import { searchRules, type RuleHit, type SearchResult } from './search.ts';

interface RulesLibraryProps {
  pack: PolicyPack;
  fromSchool: boolean;
  audience: Audience | undefined;
  query: string;
  onAudience: (audience: Audience | undefined) => void;
  onQuery: (query: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function RulesLibrary(props: RulesLibraryProps) {
  const { pack, fromSchool, audience } = props;
  // The field is the source of truth while typing; the address follows it.
  const [query, setQuery] = useState(props.query);
  const searchId = useId();
  const audienceLabelId = useId();
  const result = useMemo(
    () => searchRules(pack.ruleSets, query, audience),
    [pack.ruleSets, query, audience],
  );
  const searching = result.terms.length > 0;
  const within = audience ? ` for ${AUDIENCE_LABELS[audience]}` : '';
  const shownSets = pack.ruleSets.filter((s) => !audience || isFor(s, audience));

  return (
    <div class="rules-library">
      <h1>Rules and agreements</h1>
      <p>
        The pupil rules (“Think, then Click!”), posters and acceptable-use agreements, ready to show
        to a class or print. They are kept on this device and work offline.
      </p>
      {!fromSchool && (
        <Notice>
          This device has not downloaded your school’s policy pack yet, so these are the default
          rules from the seed policies.
        </Notice>
      )}
      <div role="search" class="rules-search field">
        <label for={searchId}>Search all rules</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            props.onQuery(e.currentTarget.value);
          }}
        />
      </div>
      <div class="rules-audiences" role="group" aria-labelledby={audienceLabelId}>
        <span id={audienceLabelId} class="rules-audiences-label">
          Show rules for
        </span>
        <button
          type="button"
          class="secondary"
          aria-pressed={!audience}
          onClick={() => props.onAudience(undefined)}
        >
          Everyone
        </button>
        {AUDIENCE_ORDER.map((a) => (
          <button
            key={a}
            type="button"
            class="secondary"
            aria-pressed={audience === a}
            onClick={() => props.onAudience(a)}
          >
            {AUDIENCE_LABELS[a]}
          </button>
        ))}
      </div>
      <p role="status" class="rules-count">
        {searching
          ? `${plural(result.rules.length, 'rule')} and ${plural(result.ruleSets.length, 'rule set')} match “${query.trim()}”${within}.`
          : `${plural(shownSets.length, 'rule set')}${within}.`}
      </p>
      {searching ? (
        <SearchResults result={result} />
      ) : (
        (audience ? [audience] : AUDIENCE_ORDER).map((a) => (
          <AudienceSection
            key={a}
            audience={a}
            ruleSets={pack.ruleSets.filter((s) => isFor(s, a))}
          />
        ))
      )}
    </div>
  );
}

function AudienceSection({ audience, ruleSets }: { audience: Audience; ruleSets: RuleSet[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{AUDIENCE_LABELS[audience]}</h2>
      {ruleSets.length === 0 ? (
        <p class="muted">No rule sets for {AUDIENCE_LABELS[audience]} in this policy pack.</p>
      ) : (
        <ul class="rules-sets">
          {ruleSets.map((s) => (
            <RuleSetCard key={s.id} ruleSet={s} terms={[]} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RuleSetCard({ ruleSet, terms }: { ruleSet: RuleSet; terms: readonly string[] }) {
  const others = audiencesOf(ruleSet).slice(1);
  return (
    <li class="card rules-set-card">
      <h3>
        <Link to="/rules/$ruleSetId" params={{ ruleSetId: ruleSet.id }}>
          <Highlight text={ruleSet.title} terms={terms} />
        </Link>
      </h3>
      <p class="rules-set-meta">
        {FORM_LABELS[ruleSet.form]} · {plural(ruleSet.rules.length, 'rule')} ·{' '}
        {AUDIENCE_LABELS[ruleSet.audience]}
        {others.length > 0 && ` (also ${others.map((a) => AUDIENCE_LABELS[a]).join(', ')})`}
      </p>
      <p class="rules-source">
        Source: <Highlight text={sourceText(ruleSet)} terms={terms} />. Version {ruleSet.version}.
      </p>
    </li>
  );
}

function SearchResults({ result }: { result: SearchResult }) {
  const bySet = new Map<RuleSet, RuleHit[]>();
  for (const hit of result.rules) bySet.set(hit.ruleSet, [...(bySet.get(hit.ruleSet) ?? []), hit]);
  if (result.rules.length === 0 && result.ruleSets.length === 0) {
    return <p>No rules match. Try fewer words, or another spelling.</p>;
  }
  return (
    <>
      {result.ruleSets.length > 0 && (
        <section aria-labelledby="rules-found-sets">
          <h2 id="rules-found-sets">Rule sets</h2>
          <ul class="rules-sets">
            {result.ruleSets.map((s) => (
              <RuleSetCard key={s.id} ruleSet={s} terms={result.terms} />
            ))}
          </ul>
        </section>
      )}
      {bySet.size > 0 && (
        <section aria-labelledby="rules-found-rules">
          <h2 id="rules-found-rules">Rules</h2>
          {[...bySet].map(([set, hits]) => (
            <div key={set.id} class="card rules-hits">
              <h3>
                <Link to="/rules/$ruleSetId" params={{ ruleSetId: set.id }}>
                  {set.title}
                </Link>
              </h3>
              <p class="rules-set-meta">
                {AUDIENCE_LABELS[set.audience]} · {FORM_LABELS[set.form]} · version {set.version}
              </p>
              <ul class="rules-hit-list">
                {hits.map((h) => (
                  <li key={h.rule.id}>
                    <span class="rules-hit-num">Rule {h.number}.</span>{' '}
                    {h.rule.group && (
                      <span class="rules-hit-group">
                        <Highlight text={h.rule.group} terms={result.terms} />{' '}
                      </span>
                    )}
                    {h.rule.title && (
                      <strong>
                        <Highlight text={h.rule.title} terms={result.terms} />:{' '}
                      </strong>
                    )}
                    <Highlight text={h.rule.text} terms={result.terms} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}

/**
 * `/rules?audience=&q=` and `/rules/$ruleSetId`: the rules library. Open to anyone who opens
 * the app, enrolled or not, locked or not: the rules are not sensitive, and staff need them
 * in front of a class without a PIN.
 */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { Notice } from '../components/Notice.tsx';
import { breachHref } from './breach.ts';
import { isAudience } from './labels.ts';
import { RulesLibrary } from './RulesLibrary.tsx';
import { RuleSetScreen } from './RuleSetScreen.tsx';
import { useRulesPack, type RulesPack } from './use-rules-pack.ts';

function Waiting({ rules }: { rules: Exclude<RulesPack, { state: 'ready' }> }) {
  return rules.state === 'loading' ? (
    <p role="status">Loading the rules…</p>
  ) : (
    <Notice tone="bad" title="The rules could not be opened">
      This device has no copy of the rules yet. Open Safetrail once while connected to the school
      network, then they work offline.
    </Notice>
  );
}

export function RulesRoute() {
  const search = useSearch({ from: '/rules' });
  const navigate = useNavigate();
  const rules = useRulesPack();
  if (rules.state !== 'ready') return <Waiting rules={rules} />;
  const audience = isAudience(search.audience) ? search.audience : undefined;
  return (
    <RulesLibrary
      pack={rules.pack}
      fromSchool={rules.fromSchool}
      audience={audience}
      query={search.q ?? ''}
      onAudience={(a) =>
        void navigate({ to: '/rules', search: (s) => ({ ...s, audience: a }), replace: true })
      }
      onQuery={(q) =>
        void navigate({
          to: '/rules',
          search: (s) => ({ ...s, q: q.trim() ? q : undefined }),
          replace: true,
        })
      }
    />
  );
}

export function RuleSetRoute() {
  const { ruleSetId } = useParams({ from: '/rules/$ruleSetId' });
  const navigate = useNavigate();
  const rules = useRulesPack();
  if (rules.state !== 'ready') return <Waiting rules={rules} />;
  const ruleSet = rules.pack.ruleSets.find((s) => s.id === ruleSetId);
  if (!ruleSet) {
    return (
      <>
        <h1>Rule set not found</h1>
        <p>
          This school’s rules have no set called “{ruleSetId}”. It may have been renamed in a newer
          policy pack. <Link to="/rules">See all rules and agreements</Link>
        </p>
      </>
    );
  }
  return (
    <RuleSetScreen
      key={ruleSet.id}
      ruleSet={ruleSet}
      fromSchool={rules.fromSchool}
      // An address rather than a typed route: the capture screens read `fromRule` (breach.ts).
      onBreach={(ruleId) => void navigate({ href: breachHref(ruleSet.id, ruleId) })}
    />
  );
}

import { useNavigate } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IncidentFields } from '../../domain/incident.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { whenIdle } from '../app/when-idle.ts';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { SentPanel } from '../sync/SentPanel.tsx';
import { useCapturePolicy } from './categories-context.tsx';
import { draftSummaries, startDraft, type DraftSummary } from './drafts.ts';
import { useLazy } from './use-lazy.ts';
import { WaitingNotice } from './WaitingNotice.tsx';

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The trip rosters panel loads after this screen is drawn: few people need it each day. */
const loadTripRosters = () => import('./TripRosters.tsx');

/** The incident form is a route of its own; fetched once this screen is up, it is ready when wanted. */
const prefetchForm = () => void import('./DraftRoute.tsx');

/** The teacher's start page: new incident, unfinished drafts, trip rosters, what has been sent. */
export function CaptureHome({
  sealed,
  fromRule,
}: {
  sealed?: string | undefined;
  fromRule?: string | undefined;
}) {
  const session = useSession();
  const navigate = useNavigate();
  const days = useCapturePolicy()?.rosterRetentionDays;
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [failure, setFailure] = useState('');
  const trips = useLazy(loadTripRosters);
  const staff = session.staff!;
  useEffect(() => whenIdle(prefetchForm), []);

  useEffect(
    () =>
      void draftSummaries(session.db, staff).then(setDrafts, (e: unknown) => {
        setDrafts([]);
        setFailure(plainError(e));
      }),
    [session.db, staff],
  );

  // Arriving from "record a breach of this rule": one new draft with the rule noted and the
  // suggested category chosen, opened at once (the ref stops a re-render starting a second).
  const policy = usePolicy();
  const fromRuleStarted = useRef(false);
  useEffect(() => {
    if (!fromRule || fromRuleStarted.current) return;
    fromRuleStarted.current = true;
    void (async () => {
      const { presetFromRule } = await import('./from-rule.ts');
      const preset = await presetFromRule(fromRule, policy.pack);
      if (preset) await newIncident(preset);
    })();
    // Runs once per arrival; newIncident and the pack are read at that moment.
  }, [fromRule]);

  const newIncident = async (preset: Partial<IncidentFields> = {}) => {
    try {
      // Today's trip, if a roster says there is one, names the trip on the new record.
      const trip = await import('./rosters.ts')
        .then((m) => m.tripToday(session.db, staff, days))
        .catch(() => '');
      const draft = await startDraft(session.db, staff, trip, preset);
      await navigate({ to: '/capture/$draftId', params: { draftId: draft.id } });
    } catch (e) {
      setFailure(plainError(e));
    }
  };

  return (
    <>
      <h1>Record an incident</h1>
      {sealed && (
        <Notice tone="ok" title={`Incident ${sealed} is sealed and queued.`}>
          Only the safeguarding leads can open it. It will send automatically when this tablet is
          online; this page shows when it has been delivered.
        </Notice>
      )}
      {failure && <Notice tone="bad">{failure}</Notice>}
      <div class="actions">
        <button type="button" class="big" onClick={() => void newIncident()}>
          New incident
        </button>
      </div>
      <WaitingNotice />
      <section class="card" aria-labelledby="drafts-title">
        <h2 id="drafts-title">Your unfinished drafts</h2>
        {drafts === null && <p role="status">Loading…</p>}
        {drafts?.length === 0 && (
          <p>No drafts. Drafts save themselves as you type, encrypted on this tablet.</p>
        )}
        {drafts && drafts.length > 0 && (
          <ul class="list">
            {drafts.map((d) => (
              <li key={d.id}>
                <span>
                  {d.preview} <span class="muted">· saved {time(d.updatedAt)}</span>
                </span>
                <Link
                  className="button secondary"
                  to="/capture/$draftId"
                  params={{ draftId: d.id }}
                  aria-label={`Continue draft: ${d.preview}`}
                >
                  Continue
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {trips && <trips.TripRosters />}
      <SentPanel />
      <p class="muted" data-testid="policy-held">
        {policy.pack
          ? `This tablet holds the school’s policy pack “${policy.pack.name}”, version ${policy.pack.version}${policy.fetchedAt ? `, updated ${new Date(policy.fetchedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}` : ''}.`
          : 'This tablet uses the default policy pack until it reaches the school endpoint.'}
      </p>
    </>
  );
}

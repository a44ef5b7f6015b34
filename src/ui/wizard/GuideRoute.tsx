/**
 * `/console/guide?flowchart=&incident=&walk=`: choose a flowchart, then walk it. The walk id
 * is in the address, so after a lock or a reload the page rebuilds the walk from its sealed
 * events (this console's outbox and pulled log) and the DSL carries on where they were.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WalkRecord } from '../../domain/chronology.ts';
import { incidentReference } from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import { getDevice } from '../../storage/device-repo.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { AttachPanel } from './AttachPanel.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { FlowchartChooser } from './FlowchartChooser.tsx';
import { suggestedFlowchart, summarise } from './incident-summary.ts';
import { useConsoleRecords } from './use-console-records.ts';
import { SendStatus, useSending } from './use-sending.tsx';
import { WalkScreen } from './WalkScreen.tsx';
import { attachPayload, resumeWalk } from './walk-state.ts';

export interface GuideSearch {
  flowchart?: string;
  incident?: string;
  walk?: string;
}

export function GuideRoute() {
  return (
    <ConsoleFrame>
      <GuidePage />
    </ConsoleFrame>
  );
}

function GuidePage() {
  const search = useSearch({ from: '/console/guide' });
  const navigate = useNavigate();
  const session = useSession();
  const { pack } = usePolicy();
  const records = useConsoleRecords(false, search.walk ?? '');
  const sending = useSending();
  const [selfMissing, setSelfMissing] = useState(false);

  const go = (s: GuideSearch, replace = false) =>
    void navigate({ to: '/console/guide', search: s, replace });

  const flowchart = pack?.flowcharts.find((f) => f.id === search.flowchart);
  const walks: WalkRecord[] = useMemo(
    () => [
      ...(records.result?.incidents.flatMap((c) => c.walks) ?? []),
      ...(records.result?.unattached.map((u) => u.walk) ?? []),
    ],
    [records.result],
  );
  const walkRecord = walks.find((w) => w.walkId === search.walk);
  const mismatch = walkRecord && flowchart && walkRecord.flowchartId !== flowchart.id;

  // A flowchart without a walk id (a typed or shared address) starts a new walk.
  useEffect(() => {
    if (search.flowchart && (!search.walk || (records.result && mismatch))) {
      go({ ...search, walk: ulid() }, true);
    }
  }, [search.flowchart, search.walk, mismatch, records.result]);

  // What this console seals is readable by the leads in its recipient set: warn if that
  // set does not include this DSL (a newly joined lead before the set is refreshed online).
  useEffect(() => {
    void getDevice(session.db).then((d) =>
      setSelfMissing(
        !!d && !d.recipientSet.readers.some((r) => r.kid === session.dsl?.keys.reader.kid),
      ),
    );
  }, [records.result, session.db, session.dsl]);

  // Read once per walk, from records loaded for it: later events live in the screen's state.
  const ready = !!records.result && records.loadedKey === (search.walk ?? '');
  const initial = useMemo(
    () => (flowchart && ready ? resumeWalk(flowchart, walkRecord) : undefined),
    [flowchart?.id, search.walk, ready],
  );

  if (!pack) return <p role="status">Loading the school’s procedures…</p>;
  const incidentId = walkRecord?.incidentId ?? search.incident ?? null;
  const chronology = records.result?.incidents.find((c) => c.incidentId === incidentId);
  const summary = chronology ? summarise(chronology) : null;
  const label = incidentId ? incidentReference(incidentId) : undefined;

  if (!search.flowchart || !flowchart) {
    return (
      <>
        {search.flowchart && (
          <Notice tone="warn" title="That procedure is not in the school’s policy pack">
            Choose one of the procedures below.
          </Notice>
        )}
        <FlowchartChooser
          pack={pack}
          suggested={suggestedFlowchart(pack, summary?.categoryId ?? null)}
          forWhom={
            incidentId
              ? `For incident ${label}${summary?.categoryLabel ? ` (${summary.categoryLabel})` : ''}`
              : 'Not attached to an incident: you can attach it later'
          }
          onChoose={(id) => go({ flowchart: id, incident: incidentId ?? undefined, walk: ulid() })}
        />
      </>
    );
  }
  if (!search.walk || !initial || mismatch) return <p role="status">Opening the procedure…</p>;

  const ctxFor = {
    walkId: search.walk,
    incidentId,
    flowchart,
    packVersion: pack.version,
    dslName: session.dsl!.name,
  };
  const attach = async (target: string) => {
    await sending.record('step.answered', attachPayload(ctxFor, target, new Date()));
    go({ ...search, incident: target }, true);
  };
  const attachable = (records.result?.incidents ?? []).map(summarise).filter((s) => s.known);

  return (
    <WalkScreen
      key={search.walk}
      pack={pack}
      flowchart={flowchart}
      walkId={search.walk}
      incidentId={incidentId}
      incidentLabel={label}
      dslName={session.dsl!.name}
      initial={initial}
      record={sending.record}
      onContinueWith={(id) =>
        go({ flowchart: id, incident: incidentId ?? undefined, walk: ulid() })
      }
      atEnd={
        <div class="actions">
          {incidentId && (
            <Link
              class="button secondary"
              to="/console/incidents/$incidentId"
              params={{ incidentId }}
            >
              See the chronology of {label}
            </Link>
          )}
          <Link
            class="button secondary"
            to="/console/guide"
            search={{ incident: incidentId ?? undefined }}
          >
            Choose another procedure
          </Link>
        </div>
      }
    >
      <SendStatus sending={sending} />
      {selfMissing && (
        <Notice tone="warn" title="Your own key is not yet among this console’s readers">
          What you record is sealed to the other safeguarding leads, but you will not be able to
          reopen it here until this console has refreshed the list of leads online.
        </Notice>
      )}
      {!incidentId && <AttachPanel incidents={attachable} onAttach={attach} />}
    </WalkScreen>
  );
}

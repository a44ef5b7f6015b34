/**
 * `/console/retention`: which records are due for deletion under the school's retention
 * rules (closed, and past their date), which come due later, which rules the school has not
 * set, and the log of deletions. Deleting is an explicit DSL action, confirmed, logged as a
 * sealed event that outlives the record, then carried out at the endpoint (casework/erase.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import { localDate } from '../../domain/datetime.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { useConsoleApi } from '../console/use-console-api.ts';
import { ConsoleFrame } from '../wizard/ConsoleFrame.tsx';
import { sealInOrder, sendNow } from '../wizard/sending.ts';
import { showTime } from '../wizard/walk-state.ts';
import { eraseAtEndpoint, erasurePayload, recordEnvelopeIds } from './erase.ts';
import { RecordsProgress } from './RecordsProgress.tsx';
import { useCases, type Case } from './use-cases.ts';

export function RetentionRoute() {
  return (
    <ConsoleFrame>
      <RetentionPage />
    </ConsoleFrame>
  );
}

const showDay = (day: string) =>
  new Date(`${day}T12:00`).toLocaleDateString('en-GB', { dateStyle: 'medium' });

function RetentionPage() {
  const { records, cases } = useCases();
  const { pack } = usePolicy();
  const session = useSession();
  const api = useConsoleApi();
  const today = localDate();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  const withDates = useMemo(
    () =>
      cases
        .filter((c) => c.summary.retention.dueOn)
        .sort((a, b) => (a.summary.retention.dueOn! < b.summary.retention.dueOn! ? -1 : 1)),
    [cases],
  );
  const due = withDates.filter((c) => c.summary.retention.dueOn! <= today);
  const later = withDates.filter((c) => c.summary.retention.dueOn! > today);
  const unset = cases.filter((c) => c.summary.retention.years === null);
  const unsetRules = (pack?.retention ?? []).filter(
    (r) => r.years === null && (r.scope === 'default' || r.scope === 'category'),
  );
  const erased = records.result?.erased ?? [];

  const finish = async (reference: string, ids: string[]) => {
    const n = await eraseAtEndpoint(api, ids);
    await records.refresh(true);
    setMessage({
      tone: 'ok',
      text: `${reference} deleted: the deletion is logged and the endpoint erased ${n} ${n === 1 ? 'envelope' : 'envelopes'}.`,
    });
  };

  const remove = async (c: Case) => {
    const s = c.summary;
    setWorking(s.incidentId);
    setMessage(null);
    try {
      if (!navigator.onLine) throw new Error('Deleting needs a connection to the school endpoint.');
      const ids = await recordEnvelopeIds(
        session.db,
        session.dsl!.keys,
        s.incidentId,
        c.chronology.entries.map((e) => e.event),
      );
      const logId = await sealInOrder(
        session.db,
        'incident.erased',
        erasurePayload(s, ids.length, session.dsl!.name, new Date()),
      );
      const report = await sendNow(session.db, api);
      const { createOutboxStore } = await import('../../storage/outbox-repo.ts');
      const waiting = await createOutboxStore(session.db).listDue(Number.POSITIVE_INFINITY, 10_000);
      if (report?.error || waiting.some((w) => w.id === logId)) {
        throw new Error(
          `The deletion could not be logged at the endpoint, so nothing was deleted. ${report?.error ?? ''}`,
        );
      }
      await finish(s.reference, ids);
    } catch (e) {
      setMessage({ tone: 'bad', text: plainError(e) });
      await records.refresh(false);
    } finally {
      setWorking(null);
      setConfirming(null);
    }
  };

  const retry = async (reference: string, incidentId: string, held: string[]) => {
    setWorking(incidentId);
    setMessage(null);
    try {
      const held2 = erased.find((e) => e.payload.incidentId === incidentId)?.held ?? [];
      const ids = await recordEnvelopeIds(session.db, session.dsl!.keys, incidentId, held2);
      await finish(reference, ids.length ? ids : held);
    } catch (e) {
      setMessage({ tone: 'bad', text: `The endpoint could not erase it yet: ${plainError(e)}` });
    } finally {
      setWorking(null);
    }
  };

  return (
    <>
      <h1>Retention</h1>
      <p>
        Each record is kept for the period the school’s policy pack sets for its category, counted
        from the day it was closed. When that has passed, a DSL deletes it here. The deletion itself
        is kept in the log.
      </p>
      <RecordsProgress records={records} />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}

      <section aria-labelledby="ret-due">
        <h2 id="ret-due">Due for deletion ({due.length})</h2>
        {due.length === 0 ? (
          <p>No record is due for deletion today.</p>
        ) : (
          <ul class="list" aria-label="Due for deletion">
            {due.map((c) => {
              const s = c.summary;
              return (
                <li key={s.incidentId}>
                  <span>
                    <strong>{s.reference}</strong> · {s.categoryLabel ?? 'Not categorised'}
                    <br />
                    <span class="muted">
                      Closed {showTime(s.closedAt ?? '')}; due {showDay(s.retention.dueOn!)} (
                      {s.retention.why})
                    </span>
                  </span>
                  {confirming === s.incidentId ? (
                    <span
                      class="retention-confirm"
                      role="group"
                      aria-label={`Confirm deleting ${s.reference}`}
                    >
                      <span>Delete {s.reference} and its chronology for good?</span>
                      <button
                        type="button"
                        class="danger"
                        disabled={working !== null}
                        onClick={() => void remove(c)}
                      >
                        {working === s.incidentId
                          ? 'Deleting…'
                          : `Delete ${s.reference} permanently`}
                      </button>
                      <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                        Keep it
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      class="secondary"
                      disabled={working !== null}
                      onClick={() => setConfirming(s.incidentId)}
                    >
                      Delete…<span class="visually-hidden"> {s.reference}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="ret-later">
        <h2 id="ret-later">Coming due ({later.length})</h2>
        {later.length === 0 ? (
          <p>No closed record has a deletion date yet.</p>
        ) : (
          <table class="data-table">
            <caption class="visually-hidden">Records and the date each may be deleted</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Category</th>
                <th scope="col">May be deleted from</th>
              </tr>
            </thead>
            <tbody>
              {later.slice(0, 200).map(({ summary: s }) => (
                <tr key={s.incidentId}>
                  <td>{s.reference}</td>
                  <td>{s.categoryLabel ?? 'Not categorised'}</td>
                  <td>{showDay(s.retention.dueOn!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {unsetRules.length > 0 && (
        <section class="card" aria-labelledby="ret-unset">
          <h2 id="ret-unset">Periods the school has not set</h2>
          <p>
            {unset.length} {unset.length === 1 ? 'record has' : 'records have'} no deletion date
            because the policy pack gives no period for them. Set one in the policy pack (Console,
            Policy pack) under these rules:
          </p>
          <ul>
            {unsetRules.map((r) => (
              <li key={r.id}>
                <strong>{r.id}</strong>: {r.description}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="ret-log">
        <h2 id="ret-log">Deletion log ({erased.length})</h2>
        {erased.length === 0 ? (
          <p>No record has been deleted.</p>
        ) : (
          <table class="data-table">
            <caption class="visually-hidden">Records deleted at the end of their retention</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Category</th>
                <th scope="col">Rule and due date</th>
                <th scope="col">Deleted by</th>
                <th scope="col">At the endpoint</th>
              </tr>
            </thead>
            <tbody>
              {erased.map(({ event, payload: p, held }) => (
                <tr key={event.id}>
                  <td>{p.reference}</td>
                  <td>{p.categoryLabel || 'Not categorised'}</td>
                  <td>
                    {p.ruleId}, due {p.dueOn ? showDay(p.dueOn) : 'not set'}
                  </td>
                  <td>
                    {p.by}, {showTime(p.at)} ({event.deviceName}, key {event.signer})
                  </td>
                  <td>
                    {held.length === 0 ? (
                      '✓ Erased'
                    ) : (
                      <>
                        {held.length} still held here.{' '}
                        <button
                          type="button"
                          class="secondary"
                          disabled={working !== null}
                          onClick={() =>
                            void retry(
                              p.reference,
                              p.incidentId,
                              held.map((h) => h.id),
                            )
                          }
                        >
                          Finish deleting<span class="visually-hidden"> {p.reference}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EventKind } from '../../domain/events.ts';
import { outboxSummary } from '../../storage/outbox-repo.ts';
import { useSession } from '../app/session.tsx';
import { useConsoleApi } from '../console/use-console-api.ts';
import { sealInOrder, sendNow } from './sending.ts';

export interface Sending {
  /** Seals and queues an event, then sends it if the page is online. */
  record: (kind: EventKind, payload: unknown) => Promise<void>;
  waiting: number | null;
  problems: number;
  sending: boolean;
  online: boolean;
  lastError: string | null;
  send: () => void;
}

/** The wizard's recorder and the state of this console's outbox. */
export function useSending(): Sending {
  const { db } = useSession();
  const api = useConsoleApi();
  const [waiting, setWaiting] = useState<number | null>(null);
  const [problems, setProblems] = useState(0);
  const [sending, setSending] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);

  const count = useCallback(async () => {
    const s = await outboxSummary(db);
    setWaiting(s.queued);
    setProblems(s.quarantined + s.rejected);
  }, [db]);

  const send = useCallback(() => {
    if (!navigator.onLine) return;
    setSending(true);
    void sendNow(db, api).then(async (report) => {
      setLastError(report?.error ?? null);
      setSending(false);
      await count();
    });
  }, [db, api, count]);

  useEffect(() => {
    const onOnline = () => {
      setOnline(true);
      send();
    };
    const onOffline = () => setOnline(false);
    void count().then(() => send());
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [count, send]);

  const record = useCallback(
    async (kind: EventKind, payload: unknown) => {
      await sealInOrder(db, kind, payload);
      await count();
      send();
    },
    [db, count, send],
  );

  return { record, waiting, problems, sending, online, lastError, send };
}

/** One line saying whether what was recorded here has left this console. */
export function SendStatus({ sending: s }: { sending: Sending }) {
  const n = s.waiting;
  const things = (k: number) => `${k} ${k === 1 ? 'record' : 'records'}`;
  let text: string;
  if (n === null) text = 'Checking what is waiting to send…';
  else if (n === 0) text = '✓ Everything recorded on this console has been sent.';
  else if (s.sending) text = `Sending ${things(n)}…`;
  else if (!s.online)
    text = `${things(n)} sealed on this device, waiting to send. They go when you are back online.`;
  else text = `${things(n)} waiting to send.${s.lastError ? ` Last try: ${s.lastError}` : ''}`;
  return (
    <div class="wizard-send">
      <p role="status" data-testid="send-status">
        {text}
        {s.problems > 0 &&
          ` ${things(s.problems)} could not be delivered and need a person: see the console.`}
      </p>
      {n !== null && n > 0 && !s.sending && s.online && (
        <button type="button" class="secondary" onClick={s.send}>
          Send now
        </button>
      )}
    </div>
  );
}

import { Link } from '../components/Link.tsx';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DeviceStatus } from '../../sync/protocol.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { Notice } from '../components/Notice.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { DslGate } from './DslGate.tsx';
import { EnrollTablet } from './EnrollTablet.tsx';
import { IncidentInbox } from './IncidentInbox.tsx';
import { displayKeyId } from './key-id.ts';
import { refreshRecipientSet } from './leads.ts';
import { LeadsPanel } from './LeadsPanel.tsx';
import { PassphrasePanel } from './PassphrasePanel.tsx';
import { PolicyPanel } from './PolicyPanel.tsx';
import { useConsoleApi } from './use-console-api.ts';
import { GuideCard } from '../wizard/GuideCard.tsx';

/** The DSL's console: read incidents, enroll tablets, manage leads and devices. */
export function ConsoleScreen() {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device?.role !== 'dsl') {
    return (
      <Notice tone="warn" title="This is not a safeguarding console">
        The console opens only in a safeguarding lead’s browser.{' '}
        <Link to="/">Go to the start page</Link>
      </Notice>
    );
  }
  return (
    <DslGate>
      <ConsoleHome />
    </DslGate>
  );
}

function ConsoleHome() {
  const session = useSession();
  const api = useConsoleApi();
  const [status, setStatus] = useState<DeviceStatus | 'offline' | null>(null);
  const [problem, setProblem] = useState('');

  const check = useCallback(async () => {
    try {
      const self = await api.deviceSelf();
      // An approved lead joined before the set naming them existed: adopt the newer set now,
      // so what this console seals is readable by its own lead too.
      if (self.status === 'approved' && (await refreshRecipientSet(session.db, api)))
        await session.reloadDevice();
      setStatus(self.status);
      setProblem('');
    } catch (e) {
      setStatus('offline');
      setProblem(plainError(e));
    }
  }, [api, session]);
  useEffect(() => void check(), [check]);

  if (status === null) return <p role="status">Checking this console…</p>;
  if (status === 'pending') {
    return (
      <>
        <h1>Waiting for approval</h1>
        <p>
          A safeguarding lead must approve this console before it can open records. They will ask
          you for this key id and must see the same one on their screen:
        </p>
        <p class="mono recovery-key" data-testid="my-key-id">
          {displayKeyId(session.dsl!.keys.reader.kid)}
        </p>
        <div class="actions">
          <button type="button" onClick={() => void check()}>
            Check again
          </button>
        </div>
      </>
    );
  }
  if (status === 'revoked') {
    return (
      <Notice tone="bad" title="This console has been revoked">
        Another safeguarding lead removed this device. Records it delivered are safe. Ask your DSL
        if this is a mistake.
      </Notice>
    );
  }
  return (
    <>
      <h1>Safeguarding console</h1>
      {status === 'offline' && (
        <Notice tone="warn" title="The school endpoint cannot be reached">
          {problem}
        </Notice>
      )}
      <IncidentInbox />
      <GuideCard />
      <LeadsPanel />
      <DevicesPanel />
      <EnrollTablet />
      <PolicyPanel />
      <PassphrasePanel />
    </>
  );
}

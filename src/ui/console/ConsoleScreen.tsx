import { Link } from '@tanstack/react-router';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { DslGate } from './DslGate.tsx';
import { EnrollTablet } from './EnrollTablet.tsx';
import { IncidentInbox } from './IncidentInbox.tsx';

/** The DSL's console: enroll tablets and read delivered incidents. */
export function ConsoleScreen() {
  const { device } = useSession();
  if (device === undefined) return <p role="status">Loading…</p>;
  if (device?.role !== 'dsl') {
    return (
      <Notice tone="warn" title="This is not a safeguarding console">
        The console opens only in the browser where the school was set up.{' '}
        <Link to="/">Go to the start page</Link>
      </Notice>
    );
  }
  return (
    <DslGate>
      <h1>Safeguarding console</h1>
      <IncidentInbox />
      <EnrollTablet />
    </DslGate>
  );
}

import { useSearch } from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { useSession } from '../app/session.tsx';
import { Notice } from '../components/Notice.tsx';
import { SetupScreen } from './SetupScreen.tsx';

export function SetupRoute() {
  const { code } = useSearch({ from: '/setup' });
  const { device } = useSession();
  if (device) {
    return (
      <Notice title="This browser is already set up">
        It belongs to {device.schoolName}. <Link to="/">Go to the start page</Link>
      </Notice>
    );
  }
  return <SetupScreen code={code ?? ''} />;
}

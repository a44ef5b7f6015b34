/**
 * The app's routes. Every screen loads on demand (all precached, so
 * they open offline too), which keeps the JS needed to show the capture screen small.
 */
import {
  Outlet,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { Link } from '../components/Link.tsx';
import { Layout } from '../components/Layout.tsx';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The triage queue's filters, kept in the address so Back and a bookmark keep them. */
export interface TriageSearch {
  q?: string;
  category?: string;
  status?: string;
  flag?: string;
  person?: string;
  from?: string;
  to?: string;
}

const rootRoute = createRootRoute({
  component: () => (
    <Layout>
      <Outlet />
    </Layout>
  ),
  notFoundComponent: () => (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  ),
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./HomeScreen.tsx'), 'HomeScreen'),
});

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  validateSearch: (s: Record<string, unknown>): { code?: string } => ({ code: str(s.code) }),
  component: lazyRouteComponent(() => import('../setup/SetupRoute.tsx'), 'SetupRoute'),
});

export const enrollRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enroll',
  validateSearch: (s: Record<string, unknown>): { code?: string; fp?: string } => ({
    code: str(s.code),
    fp: str(s.fp),
  }),
  component: lazyRouteComponent(() => import('../enroll/EnrollRoute.tsx'), 'EnrollRoute'),
});

export const joinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/join',
  validateSearch: (s: Record<string, unknown>): { code?: string; fp?: string } => ({
    code: str(s.code),
    fp: str(s.fp),
  }),
  component: lazyRouteComponent(() => import('../join/JoinRoute.tsx'), 'JoinRoute'),
});

export const captureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/capture',
  validateSearch: (s: Record<string, unknown>): { sealed?: string; fromRule?: string } => ({
    sealed: str(s.sealed),
    fromRule: str(s.fromRule),
  }),
  component: lazyRouteComponent(() => import('../capture/CaptureRoutes.tsx'), 'CaptureIndexRoute'),
});

export const draftRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/capture/$draftId',
  component: lazyRouteComponent(() => import('../capture/DraftRoute.tsx'), 'DraftRoute'),
});

const consoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console',
  component: lazyRouteComponent(() => import('../console/ConsoleScreen.tsx'), 'ConsoleScreen'),
});

// The school office's computer (src/ui/office): devices and tablet codes, no record content.
const officeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/office',
  component: lazyRouteComponent(() => import('../office/OfficeScreen.tsx'), 'OfficeScreen'),
});

// The DSL's guided procedures (src/ui/wizard): the wizard, incidents and chronologies.
const guideRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/guide',
  validateSearch: (
    s: Record<string, unknown>,
  ): { flowchart?: string; incident?: string; walk?: string } => ({
    flowchart: str(s.flowchart),
    incident: str(s.incident),
    walk: str(s.walk),
  }),
  component: lazyRouteComponent(() => import('../wizard/GuideRoute.tsx'), 'GuideRoute'),
});

// The DSL's casework (src/ui/casework): triage, people, retention.
const incidentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/incidents',
  validateSearch: (s: Record<string, unknown>): TriageSearch => ({
    q: str(s.q),
    category: str(s.category),
    status: str(s.status),
    flag: str(s.flag),
    person: str(s.person),
    from: str(s.from),
    to: str(s.to),
  }),
  component: lazyRouteComponent(() => import('../casework/TriageRoute.tsx'), 'TriageRoute'),
});

const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/people',
  component: lazyRouteComponent(() => import('../casework/PeopleRoutes.tsx'), 'PeopleRoute'),
});

const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/people/$personKey',
  component: lazyRouteComponent(() => import('../casework/PeopleRoutes.tsx'), 'PersonRoute'),
});

const retentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/retention',
  component: lazyRouteComponent(() => import('../casework/RetentionRoute.tsx'), 'RetentionRoute'),
});

// The DSL's reports (src/ui/reports): the incident log with its exports, the governor summary.
const logRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/log',
  component: lazyRouteComponent(() => import('../reports/LogRoute.tsx'), 'LogRoute'),
});

const summaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/summary',
  component: lazyRouteComponent(() => import('../reports/SummaryRoute.tsx'), 'SummaryRoute'),
});

const chronologyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/console/incidents/$incidentId',
  component: lazyRouteComponent(() => import('../wizard/ChronologyRoute.tsx'), 'ChronologyRoute'),
});

// Every procedure in the pack (flowcharts, scenario guides, record forms), open to anyone.
const proceduresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/procedures',
  component: lazyRouteComponent(
    () => import('../procedures/ProceduresScreen.tsx'),
    'ProceduresScreen',
  ),
});

// The rules library (src/ui/rules): open to anyone, enrolled or not, locked or not.
const rulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rules',
  validateSearch: (s: Record<string, unknown>): { audience?: string; q?: string } => ({
    audience: str(s.audience),
    q: str(s.q),
  }),
  component: lazyRouteComponent(() => import('../rules/RulesRoutes.tsx'), 'RulesRoute'),
});

const ruleSetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rules/$ruleSetId',
  component: lazyRouteComponent(() => import('../rules/RulesRoutes.tsx'), 'RuleSetRoute'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  setupRoute,
  enrollRoute,
  joinRoute,
  proceduresRoute,
  captureRoute,
  draftRoute,
  consoleRoute,
  officeRoute,
  guideRoute,
  incidentsRoute,
  chronologyRoute,
  peopleRoute,
  personRoute,
  retentionRoute,
  logRoute,
  summaryRoute,
  rulesRoute,
  ruleSetRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

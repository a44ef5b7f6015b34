/** A trust's hub (hub-cases.ts) on the embedded SQLite store. */
import { describeHub } from './hub-cases.ts';
import { startTestServer } from './helpers.ts';

describeHub('sqlite', (hubSchools) => startTestServer('none', { hubSchools }));

/** The school office's computer (office-cases.ts) on the embedded SQLite store. */
import { describeOffice } from './office-cases.ts';
import { startTestServer } from './helpers.ts';

describeOffice('sqlite', () => startTestServer());

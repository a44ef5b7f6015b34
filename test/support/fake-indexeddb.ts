// Real Dexie over an in-memory IndexedDB implementation: storage tests exercise the same
// code the browser runs, with a fresh database per test.
import 'fake-indexeddb/auto';

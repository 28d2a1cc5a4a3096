/** The in-memory Google services, for tests. They live in src/preview/google so `npm start` can use them too. */
export * from '../../src/preview/google/index';

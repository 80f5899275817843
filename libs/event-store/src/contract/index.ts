export * from './contract-fixtures.js';
export * from './event-store.contract.js';

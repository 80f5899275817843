export * from './subjects.js';
export * from './vocabularies.js';

/** Injection token of the service's ReadModelDatabase. */
export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
//# sourceMappingURL=read-model-database.js.map
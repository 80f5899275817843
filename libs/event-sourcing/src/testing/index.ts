export { deciderSpec, type DeciderGiven, type DeciderThen, type DeciderWhen } from './decider-spec.js';
export { projectionSpec, type ProjectionGiven, type ProjectionThen } from './projection-spec.js';

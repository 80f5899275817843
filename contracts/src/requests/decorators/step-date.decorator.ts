import { JSONSchema } from 'class-validator-jsonschema';
import { IsWorldDate } from './is-world-date.decorator.js';
import { Required } from './presence.decorators.js';

/** `on`, the day a case step happened in the world: a required `YYYY-MM-DD`, not in the future. */
export function StepDate(): PropertyDecorator {
  return (target, propertyName) => {
    Required()(target, propertyName);
    IsWorldDate({ precisions: ['day'], notInFuture: true })(target, propertyName);
    JSONSchema({ description: 'YYYY-MM-DD: the day the step happened in the world; not in the future.' })(target, propertyName as string);
  };
}

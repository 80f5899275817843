// class-transformer's Type decorator reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, registerDecorator, ValidateNested } from 'class-validator';
import { CONSTRAINT_NAMES } from './constraint-names.js';

export type RequestClass<T extends object = object> = new () => T;

const nestedClasses = new WeakMap<object, Map<string, () => RequestClass>>();

/** The class a nested field holds, for the JSON Schema converters (TypeScript cannot reflect `T[]`). */
export function nestedClassOf(target: object, propertyName: string): RequestClass | undefined {
  return nestedClasses.get(target)?.get(propertyName)?.();
}

function remember(target: object, propertyName: string | symbol, classOf: () => RequestClass): void {
  const byProperty = nestedClasses.get(target.constructor) ?? new Map<string, () => RequestClass>();
  byProperty.set(String(propertyName), classOf);
  nestedClasses.set(target.constructor, byProperty);
}

/** One nested object, validated by its own class. */
export function NestedObject(classOf: () => RequestClass): PropertyDecorator {
  return (target, propertyName) => {
    remember(target, propertyName, classOf);
    IsObject({ message: '$property must be a JSON object' })(target, propertyName);
    ValidateNested()(target, propertyName);
    Type(classOf)(target, propertyName as string);
  };
}

/**
 * A bounded list of nested objects, each validated by its own class. An item that is not an
 * object is reported at its own index (`casualties[1]`), beside the errors of the other items.
 */
export function NestedArray(classOf: () => RequestClass, maxItems: number): PropertyDecorator {
  return (target, propertyName) => {
    remember(target, propertyName, classOf);
    IsArray({ message: '$property must be a JSON array' })(target, propertyName);
    ArrayMaxSize(maxItems, { message: `$property may hold at most ${maxItems} items` })(target, propertyName);
    HasNoArrayItems()(target, propertyName);
    ValidateNested({ each: true, message: 'each item must be a JSON object' })(target, propertyName);
    Type(classOf)(target, propertyName as string);
  };
}

/** class-validator would validate an array inside the list as a list of its own, and accept `[[]]`. */
function HasNoArrayItems(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.noArrayItems,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || !value.some((item) => Array.isArray(item)),
        defaultMessage: (args) => `the items of ${args?.property ?? 'the list'} must be JSON objects, not arrays`,
      },
    });
}

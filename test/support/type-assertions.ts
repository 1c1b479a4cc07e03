/**
 * Type-level assertions: a test states that two types are the same, and `npx tsc --noEmit` (part of
 * `npm test`) fails where they are not. Shared by the schema tests (test/unit/schema/).
 */

/** True only when A and B are the same type (optional and required properties told apart). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only for `true`: a type-level assertion. */
export function assertType<T extends true>(): T | void {}

/**
 * The one test for "a JSON object": what seeds, admin bodies, request bodies, faults and
 * structures in RAM's model must be. Arrays and null are not.
 */

/** Whether `value` is an object other than an array or null, e.g. a parsed JSON object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

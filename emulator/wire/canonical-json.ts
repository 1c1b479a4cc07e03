/**
 * Canonical JSON: the same value always gives the same text, whatever the order its object
 * keys came in, so requests can be compared (client tokens) and identified (paging).
 */
import { isPlainObject } from "../plain-object";

/** JSON text of `value` with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
}

/**
 * Canonical JSON: the same value always gives the same text, whatever the order its object
 * keys came in, so requests can be compared (client tokens) and identified (paging).
 */

/** JSON text of `value` with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
            : v,
    );
}

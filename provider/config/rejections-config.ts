import { parseSelection } from "../inputs/selection";
import { REJECTION_INPUTS, ROLE_INPUTS } from "../schema/answer-properties";
import { propertyNames } from "../schema/property-types";
import type { ObjectOf } from "../schema/property-types";

/** One rejection as declared in stack configuration: exactly one of invitationArn and resourceShareArn is set. */
export type RejectionEntry = {
    /** The Pulumi resource name: the key of the entry in the `rejections` map. */
    name: string;
} & Omit<ObjectOf<typeof REJECTION_INPUTS>, keyof typeof ROLE_INPUTS>;

/** The config key, in the `ram-invitations` namespace, that lists the rejections. */
export const REJECTIONS_CONFIG_KEY = "rejections";

/** An entry takes a rejection's inputs but the role, which an account of `accounts` gives all of its entries. */
function entryKeys(): string[] {
    return propertyNames(REJECTION_INPUTS).filter((name) => !(name in ROLE_INPUTS));
}
/** Pulumi resource names end up in URNs, where "::" separates parts. */
export const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads the `rejections` config value: a map from resource name to `{ invitationArn }` or
 * `{ resourceShareArn }`. A map (rather than a list) keeps names unique and makes a pull request
 * that adds or removes one rejection a one-entry diff. Every problem is reported at once, each
 * naming the entry it concerns.
 */
export function parseRejectionsConfig(
    value: unknown,
    key = REJECTIONS_CONFIG_KEY,
): { entries: RejectionEntry[]; problems: string[] } {
    const problems: string[] = [];
    const entries: RejectionEntry[] = [];
    if (value === undefined || value === null) {
        return { entries, problems };
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        problems.push(
            `${key} must be a map from resource name to { invitationArn: ... } or { resourceShareArn: ... }, ` +
                `got ${Array.isArray(value) ? "a list" : typeof value}`,
        );
        return { entries, problems };
    }
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
        const where = `${key}.${name}`;
        if (!RESOURCE_NAME.test(name)) {
            problems.push(`${where}: "${name}" is not a usable resource name; use letters, digits, ".", "_" and "-"`);
        }
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            problems.push(`${where} must be a map with the key invitationArn or resourceShareArn`);
            continue;
        }
        const fields = entry as Record<string, unknown>;
        const unknownKeys = Object.keys(fields).filter((k) => !entryKeys().includes(k));
        if (unknownKeys.length > 0) {
            problems.push(
                `${where} has unknown keys ${unknownKeys.join(", ")}; the keys are ${entryKeys().join(", ")}`,
            );
        }
        const wait = fields.invitationWaitSeconds;
        if (wait !== undefined && !(typeof wait === "number" && wait >= 0 && Number.isFinite(wait))) {
            problems.push(`${where}.invitationWaitSeconds must be a number of seconds (0 or more)`);
        }
        const { selection, failures } = parseSelection(fields);
        problems.push(
            ...failures.map((f) =>
                f.reason.startsWith(f.property) ? `${where}.${f.reason}` : `${where}: ${f.reason}`,
            ),
        );
        if (selection && selection.by !== "unknown") {
            entries.push({
                name,
                [selection.by]: selection.arn.arn,
                ...(wait === undefined ? {} : { invitationWaitSeconds: wait as number }),
            });
        }
    }
    return { entries, problems };
}

import { parseRamArn } from "./arn";

/** One rejection as declared in stack configuration. */
export interface RejectionEntry {
    /** The Pulumi resource name: the key of the entry in the `rejections` map. */
    name: string;
    invitationArn: string;
}

/** The config key, in the project's namespace, that lists the rejections. */
export const REJECTIONS_CONFIG_KEY = "rejections";

const ENTRY_KEYS = new Set(["invitationArn"]);
// Pulumi resource names end up in URNs, where "::" separates parts.
const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads the `rejections` config value: a map from resource name to `{ invitationArn }`. A map
 * (rather than a list) keeps names unique and makes a pull request that adds or removes one
 * rejection a one-entry diff. Every problem is reported at once, each naming the entry it concerns.
 */
export function parseRejectionsConfig(value: unknown, key = REJECTIONS_CONFIG_KEY): { entries: RejectionEntry[]; problems: string[] } {
    const problems: string[] = [];
    const entries: RejectionEntry[] = [];
    if (value === undefined || value === null) {
        return { entries, problems };
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        problems.push(`${key} must be a map from resource name to { invitationArn: ... }, got ${Array.isArray(value) ? "a list" : typeof value}`);
        return { entries, problems };
    }
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
        const where = `${key}.${name}`;
        if (!RESOURCE_NAME.test(name)) {
            problems.push(`${where}: "${name}" is not a usable resource name; use letters, digits, ".", "_" and "-"`);
        }
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            problems.push(`${where} must be a map with the key invitationArn`);
            continue;
        }
        const unknownKeys = Object.keys(entry).filter((k) => !ENTRY_KEYS.has(k));
        if (unknownKeys.length > 0) {
            problems.push(`${where} has unknown keys ${unknownKeys.join(", ")}; the only key is invitationArn`);
        }
        const invitationArn = (entry as Record<string, unknown>).invitationArn;
        const parsed = parseRamArn(invitationArn, "resource-share-invitation");
        if (!parsed.ok) {
            problems.push(...parsed.problems.map((p) => `${where}.invitationArn ${p}`));
            continue;
        }
        entries.push({ name, invitationArn: parsed.value.arn });
    }
    return { entries, problems };
}

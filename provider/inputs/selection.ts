/**
 * How an answer names its invitation (`invitationArn`, or `resourceShareArn` for the share's
 * invitation), checked offline before anything is sent.
 */
import { parseRamArn, RamArn } from "./arn";
import { UNKNOWN } from "./unknown";

/** How a rejection names its invitation: directly, or through the share it is for. */
export type Selection =
    | { by: "invitationArn"; arn: RamArn }
    | { by: "resourceShareArn"; arn: RamArn }
    /** The selecting value is not known yet (preview of a program that computes it). */
    | { by: "unknown" };

export interface SelectionInputs {
    invitationArn?: unknown;
    resourceShareArn?: unknown;
}

/**
 * Validates offline that exactly one of `invitationArn` and `resourceShareArn` is given and that
 * it is a well-formed ARN of the right kind. Problems are reported against the input they concern.
 */
export function parseSelection(inputs: SelectionInputs): {
    selection?: Selection;
    failures: { property: string; reason: string }[];
} {
    const given = (["invitationArn", "resourceShareArn"] as const).filter(
        (key) => inputs[key] !== undefined && inputs[key] !== null,
    );
    if (given.length !== 1) {
        const reason =
            given.length === 0
                ? "give either invitationArn (the invitation to reject) " +
                  "or resourceShareArn (the share whose invitation to reject)"
                : "give only one of invitationArn and resourceShareArn, not both";
        return { failures: [{ property: given[0] ?? "invitationArn", reason }] };
    }
    const by = given[0];
    if (inputs[by] === UNKNOWN) {
        return { selection: { by: "unknown" }, failures: [] };
    }
    const parsed = parseRamArn(inputs[by], by === "invitationArn" ? "resource-share-invitation" : "resource-share");
    if (!parsed.ok) {
        return { failures: parsed.problems.map((problem) => ({ property: by, reason: `${by} ${problem}` })) };
    }
    return { selection: { by, arn: parsed.value }, failures: [] };
}

/** Parses an ARN that `check` has already validated; a failure here means state was edited by hand. */
export function requireArn(value: unknown, property: "invitationArn" | "resourceShareArn"): RamArn {
    const parsed = parseRamArn(value, property === "invitationArn" ? "resource-share-invitation" : "resource-share");
    if (!parsed.ok) {
        throw new Error(`${property} ${parsed.problems.join("; ")}`);
    }
    return parsed.value;
}

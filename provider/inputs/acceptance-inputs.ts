/**
 * An acceptance's own inputs, checked offline: `leaveShareOnDelete` and `associationWaitSeconds`
 * (the selection and the role are every answer's: selection.ts, role-inputs.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./unknown";

/** The longest association wait anyone may ask for: an hour, far beyond what RAM takes. */
const MAX_ASSOCIATION_WAIT_SECONDS = 3600;

/** The acceptance's own inputs as given, and every problem with them. */
export function checkAcceptanceInputs(news: Record<string, unknown>): {
    inputs: Record<string, unknown>;
    failures: pulumi.dynamic.CheckFailure[];
} {
    const { leaveShareOnDelete, associationWaitSeconds } = news;
    const failures: pulumi.dynamic.CheckFailure[] = [];
    if (leaveShareOnDelete !== undefined && leaveShareOnDelete !== UNKNOWN && typeof leaveShareOnDelete !== "boolean") {
        failures.push({
            property: "leaveShareOnDelete",
            reason: `leaveShareOnDelete must be true or false, not ${JSON.stringify(leaveShareOnDelete)}`,
        });
    }
    if (
        associationWaitSeconds !== undefined &&
        associationWaitSeconds !== UNKNOWN &&
        (typeof associationWaitSeconds !== "number" ||
            !(associationWaitSeconds >= 0 && associationWaitSeconds <= MAX_ASSOCIATION_WAIT_SECONDS))
    ) {
        failures.push({
            property: "associationWaitSeconds",
            reason:
                `associationWaitSeconds must be a number of seconds from 0 to ${MAX_ASSOCIATION_WAIT_SECONDS}, ` +
                `not ${JSON.stringify(associationWaitSeconds)}`,
        });
    }
    return { inputs: { leaveShareOnDelete, associationWaitSeconds }, failures };
}

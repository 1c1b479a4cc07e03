import type * as pulumi from "@pulumi/pulumi";
import type { RejectionInputs, RejectionState } from "./properties";
import { DEFERRED_FAILURE_INPUT } from "./phase";

/**
 * `diff` for an answer to an invitation. Only the invitation identifies the answer: a new one is a
 * replacement. The serialized provider, the token and what check looked up for the reviewer are
 * bookkeeping: a new version of this package must never show a change. A deferred failure must
 * reach create, which reports it. The `updatable` fields (how the account is reached, and settings
 * that only matter later) are recorded by an update that makes no call: see update.ts.
 */
export function diffAnswer(
    olds: RejectionState,
    news: RejectionInputs,
    updatable: readonly string[],
): pulumi.dynamic.DiffResult {
    if (olds.invitationArn !== news.invitationArn || news[DEFERRED_FAILURE_INPUT] !== undefined) {
        return {
            changes: true,
            replaces: [news.resourceShareArn !== undefined ? "resourceShareArn" : "invitationArn"],
            deleteBeforeReplace: false,
        };
    }
    const changed = updatable.some(
        (field) =>
            (olds as unknown as Record<string, unknown>)[field] !== (news as unknown as Record<string, unknown>)[field],
    );
    return changed ? { changes: true, replaces: [], deleteBeforeReplace: false } : { changes: false };
}

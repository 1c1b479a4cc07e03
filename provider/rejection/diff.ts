import type * as pulumi from "@pulumi/pulumi";
import type { RejectionInputs, RejectionState } from "./properties";
import { DEFERRED_FAILURE_INPUT } from "./update-phase";

/**
 * `diff` for a rejection. Only the invitation identifies the rejection: a new one is a
 * replacement. The serialized provider, the token and what check looked up for the reviewer are
 * bookkeeping: a new version of this package must never show a change. A deferred failure must
 * reach create, which reports it.
 */
export function diffRejection(olds: RejectionState, news: RejectionInputs): pulumi.dynamic.DiffResult {
    if (olds.invitationArn !== news.invitationArn || news[DEFERRED_FAILURE_INPUT] !== undefined) {
        return {
            changes: true,
            replaces: [news.resourceShareArn !== undefined ? "resourceShareArn" : "invitationArn"],
            deleteBeforeReplace: false,
        };
    }
    return { changes: false };
}

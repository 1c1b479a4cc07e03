import type * as pulumi from "@pulumi/pulumi";
import { ACCESS_FIELDS, RejectionInputs, RejectionState } from "./properties";
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
    // Reaching the same account another way (a renamed role, a new session name) is recorded by
    // an update that makes no call: see update.ts.
    const accessChanged = ACCESS_FIELDS.some((field) => olds[field] !== news[field]);
    return accessChanged ? { changes: true, replaces: [], deleteBeforeReplace: false } : { changes: false };
}

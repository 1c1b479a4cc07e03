import type * as pulumi from "@pulumi/pulumi";
import { ACCESS_FIELDS, accessOf, RejectionInputs, RejectionState } from "./properties";

/**
 * `update` for a rejection: only how the account is reached changed (diff replaces the resource
 * for anything else). The rejection stays as it is; the state records the new role, external id
 * or session name, for refresh. No call is made.
 */
export function updateRejection(
    olds: RejectionState,
    news: RejectionInputs,
): pulumi.dynamic.UpdateResult<RejectionState> {
    const kept = { ...olds };
    for (const field of ACCESS_FIELDS) {
        delete kept[field];
    }
    return { outs: { ...kept, ...accessOf(news) } };
}

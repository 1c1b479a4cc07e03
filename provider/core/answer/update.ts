import type * as pulumi from "@pulumi/pulumi";
import { withoutUndefined } from "./properties";

/**
 * `update` for an answer to an invitation: only `updatable` fields changed (diff replaces the
 * resource for anything else). The answer stays as it is; the state records the new values (a new
 * role, external id or session name, for refresh). No call is made.
 */
export function updateAnswer<State extends object>(
    olds: State,
    news: object,
    updatable: readonly string[],
): pulumi.dynamic.UpdateResult<State> {
    const kept = { ...olds } as Record<string, unknown>;
    const given = news as Record<string, unknown>;
    for (const field of updatable) {
        kept[field] = given[field];
    }
    return { outs: withoutUndefined(kept) as State };
}

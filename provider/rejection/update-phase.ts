/**
 * Whether a `check` runs for a preview or for the update itself.
 *
 * A dynamic provider's `check` is not told whether the engine previews or updates, but the
 * program is (`pulumi.runtime.isDryRun()`), so InvitationRejection passes it in an input. Inputs
 * whose names start with `__` are internal to Pulumi: `preview --diff` does not print them and
 * `check` leaves them out of the inputs it returns, so they never reach state.
 *
 * Why it matters: the engine ends the whole update at the first resource whose `check` fails,
 * so an invitation that RAM says cannot be rejected would hold back every rejection registered
 * after it. In a preview `check` fails, so the reviewer sees the problem before anything changes;
 * in the update it hands the failure to `create`, which fails that one resource (with the same
 * message and without a call) while the engine goes on with the others.
 */
export const PREVIEW_INPUT = "__preview";

/** Carries, from `check` to `create` in an update, why RAM will not let this rejection happen. */
export const DEFERRED_FAILURE_INPUT = "__deferredFailure";

/** True unless the program said that this is the update: a caller that does not say is treated as a preview. */
export function isPreview(news: { [PREVIEW_INPUT]?: unknown }): boolean {
    return news[PREVIEW_INPUT] !== false;
}

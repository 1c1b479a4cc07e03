/**
 * Whether a `check` runs for a preview or for the update itself.
 *
 * The engine tells neither shell's `check` whether it previews or updates. The dynamic resource's
 * program is told (`pulumi.runtime.isDryRun()`), so InvitationRejection passes it in an input. Inputs
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

/**
 * When `check` judges what RAM says: in a preview, it fails check; in the update, it is deferred to
 * the resource's own `create`. The provider plugin always defers: the engine calls its Create in a
 * preview too (with `preview` set), which fails the preview on that resource.
 */
export type CheckPhase = "preview" | "update";

/** The phase a dynamic resource's program passed: a program that does not say is treated as a preview. */
export function phaseOf(news: { [PREVIEW_INPUT]?: unknown }): CheckPhase {
    return news[PREVIEW_INPUT] === false ? "update" : "preview";
}

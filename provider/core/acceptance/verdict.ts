import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { CallContext, describeRamProblem } from "../../ram/messages";
import type { Verdict } from "../answer/verdict";

/** What RAM answers an acceptance of an invitation in each status it cannot be accepted in. */
const REFUSED: Partial<Record<string, "already-rejected" | "expired">> = {
    [ResourceShareInvitationStatus.REJECTED]: "already-rejected",
    [ResourceShareInvitationStatus.EXPIRED]: "expired",
};

/**
 * Judges an invitation for acceptance as RAM shows it to the calling account, so that `pulumi
 * preview` fails on what `up` would fail on: pending passes, already accepted passes (it is adopted
 * without a call), rejected, expired (nothing can be accepted any more) and not found fail.
 */
export function judgeForAcceptance(invitation: ResourceShareInvitation | undefined, context: CallContext): Verdict {
    if (!invitation) {
        return {
            ok: false,
            reason: describeRamProblem("arn-not-found", context, "accept"),
        };
    }
    const refusal = REFUSED[invitation.status ?? ""];
    return refusal ? { ok: false, reason: describeRamProblem(refusal, context, "accept") } : { ok: true };
}

import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { CallContext, describeRamProblem } from "../../ram/messages";

import type { Verdict } from "../answer/verdict";

/**
 * Judges an invitation as RAM shows it to the calling account, so that `pulumi preview` fails
 * on what `pulumi up` would fail on: pending and already rejected pass, expired passes with a
 * warning, accepted and not found fail with the same message the rejection would give.
 */
export function judgeInvitation(invitation: ResourceShareInvitation | undefined, context: CallContext): Verdict {
    if (!invitation) {
        return {
            ok: false,
            reason: describeRamProblem("arn-not-found", context, "reject"),
        };
    }
    switch (invitation.status) {
        case ResourceShareInvitationStatus.ACCEPTED:
            return {
                ok: false,
                reason: describeRamProblem("already-accepted", context, "reject"),
            };
        case ResourceShareInvitationStatus.EXPIRED:
            return {
                ok: true,
                warning:
                    `invitation ${context.invitationArn} has expired; there is nothing to reject, ` +
                    `and the update will record it as EXPIRED.`,
            };
        default:
            return { ok: true };
    }
}

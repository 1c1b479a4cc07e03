/**
 * `pulumi import` of an answer: the invitation its import id names (../../inputs/import-id.ts), which
 * must already be answered so, since importing makes no call. Whatever else RAM shows fails with
 * what to do instead, naming the account that looked.
 */
import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { describeAccount } from "../../ram/messages";
import { callRam } from "../../ram/ram-call-error";
import { findCurrentInvitation } from "../../ram/invitation-finders";
import type { RamArn } from "../../inputs/arn";
import type { RamSession } from "../../ram/ram-session";
import type { RamSessions } from "../../ram/ram-sessions";
import { accessOf, RejectionState } from "./properties";
import type { ImportTarget } from "../../inputs/import-id";
import { requireArn } from "../../inputs/selection";

/** The access fields of the state for an import through `target`'s role, if any. */
export function accessOfTarget(target: ImportTarget): Partial<RejectionState> {
    return accessOf({
        roleArn: target.role?.roleArn,
        externalId: target.role?.externalId,
        roleSessionName: target.role?.roleSessionName,
    });
}

/**
 * The invitation an import names, as RAM shows it now, which must have the `wanted` status;
 * otherwise an error naming the account that looked, with `whyNot` the status's explanation.
 */
export async function findImportable(
    sessions: RamSessions,
    target: ImportTarget,
    wanted: ResourceShareInvitationStatus,
    whyNot: (status: string | undefined) => string,
): Promise<{ invitation: ResourceShareInvitation; session: RamSession; arn: RamArn }> {
    const arn = requireArn(target.invitationArn, "invitationArn");
    const session = sessions.forRole(target.role);
    const invitation = await callRam(session, "look up", arn, () =>
        findCurrentInvitation(session.invitations, arn.region, arn.arn),
    );
    const context = await session.callContext(arn);
    const seenBy = `${describeAccount(context)} in region ${arn.region}`;
    if (!invitation) {
        throw new Error(
            `Cannot import ${arn.arn}: RAM does not show it to ${seenBy}. Check the ARN, and that the ` +
                `import runs as the account the invitation was sent to (give "<invitationArn>,<roleArn>" ` +
                `as the import id to look through a role).`,
        );
    }
    if (invitation.status !== wanted) {
        throw new Error(`Cannot import ${arn.arn}: ${whyNot(invitation.status)} (seen by ${seenBy}).`);
    }
    return { invitation, session, arn };
}

/**
 * `create` for a rejection: RejectResourceShareInvitation with the resource's client token, then
 * the invitation as RAM shows it afterwards, recorded in state.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
    RejectResourceShareInvitationCommand,
    ResourceShareInvitation,
    ResourceShareInvitationStatus,
} from "@aws-sdk/client-ram";
import { warn } from "../../diagnostics";
import type { RamArn } from "../../inputs/arn";
import { classifyRejectError } from "../../ram/errors";
import { describeMissingShareInvitation } from "../../ram/messages";
import { callRam, failedCall } from "../../ram/ram-call-error";
import { findCurrentInvitation, findSeenInvitation, waitForInvitationForShare } from "../../ram/invitation-finders";
import type { RamSession } from "../../ram/ram-session";
import type { RamSessions } from "../../ram/ram-sessions";
import {
    accessOf,
    factsFromArn,
    invitationFacts,
    invitationWaitSeconds,
    RejectionInputs,
    RejectionState,
} from "../answer/properties";
import { roleOfState } from "../../inputs/role-inputs";
import { requireArn } from "../../inputs/selection";
import { UNKNOWN } from "../../inputs/unknown";
import { DEFERRED_FAILURE_INPUT } from "../answer/phase";

export async function createRejection(
    sessions: RamSessions,
    inputs: RejectionInputs,
): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
    if (inputs[DEFERRED_FAILURE_INPUT] !== undefined) {
        throw new Error(inputs[DEFERRED_FAILURE_INPUT]);
    }
    const session = sessions.forRole(roleOfState(inputs));
    const arn = await invitationToAnswer(session, inputs);
    // A rejection is final, and what this run has just listed is fresh evidence: an invitation seen
    // REJECTED (rejected out of band, or by an attempt that crashed before Pulumi saved it) is
    // adopted without a write, which RAM would only answer with "already rejected".
    const seen = await findSeenInvitation(session.invitations, arn.region, arn.arn);
    const { invitation, rejected } =
        seen?.status === ResourceShareInvitationStatus.REJECTED
            ? { invitation: seen, rejected: true }
            : await reject(session, arn, inputs.clientToken);
    const current = invitation ?? (await lookUpCurrent(session, arn));
    if (current) {
        session.invitations.remember(arn.region, current);
    }
    const status = rejected ? ResourceShareInvitationStatus.REJECTED : ResourceShareInvitationStatus.EXPIRED;
    const state: RejectionState = {
        ...(current ? invitationFacts(current) : factsFromArn(arn, status)),
        clientToken: inputs.clientToken,
        ...accessOf(inputs),
    };
    if (rejected) {
        state.rejectedAt = new Date().toISOString();
    }
    return { id: arn.arn, outs: state };
}

/**
 * Sends the rejection. Already rejected is the desired state (adopted, without the invitation in
 * the answer); expired leaves nothing to reject (a warning, and `rejected: false`).
 */
async function reject(
    session: RamSession,
    arn: RamArn,
    clientToken: string,
): Promise<{ invitation?: ResourceShareInvitation; rejected: boolean }> {
    try {
        const answer = await session.clients
            .forRegion(arn.region)
            .send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn.arn, clientToken }));
        return { invitation: answer.resourceShareInvitation, rejected: true };
    } catch (error) {
        const outcome = classifyRejectError(error);
        if (outcome === "fail") {
            throw await failedCall(session, "reject", arn, error);
        }
        if (outcome === "expired") {
            warn(`invitation ${arn.arn} has expired; there is nothing to reject. Recording it as EXPIRED.`);
            return { rejected: false };
        }
        return { rejected: true };
    }
}

/** The invitation `create` answers: as check found it, or found now if check could not look it up. */
export async function invitationToAnswer(session: RamSession, inputs: RejectionInputs): Promise<RamArn> {
    if (inputs.invitationArn !== undefined && inputs.invitationArn !== UNKNOWN) {
        return requireArn(inputs.invitationArn, "invitationArn");
    }
    const share = requireArn(inputs.resourceShareArn, "resourceShareArn");
    const waitSeconds = invitationWaitSeconds(inputs);
    const invitation = await callRam(session, "look up", share, () =>
        waitForInvitationForShare(session.invitations, share.region, share.arn, waitSeconds),
    );
    if (!invitation?.resourceShareInvitationArn) {
        throw new Error(describeMissingShareInvitation(share.arn, await session.callContext(share), waitSeconds));
    }
    return requireArn(invitation.resourceShareInvitationArn, "invitationArn");
}

/** The invitation as RAM shows it now; a failure says what to do. */
export function lookUpCurrent(session: RamSession, arn: RamArn): Promise<ResourceShareInvitation | undefined> {
    return callRam(session, "look up", arn, () => findCurrentInvitation(session.invitations, arn.region, arn.arn));
}

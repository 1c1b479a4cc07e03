/**
 * `create` for an acceptance: AcceptResourceShareInvitation with the resource's client token, then a
 * bounded wait until the share is shared with the account (its association ASSOCIATED; the waits of
 * a region share their calls, see association-watcher.ts), then the invitation, the share and its
 * resources as RAM shows them, recorded in state.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
    AcceptResourceShareInvitationCommand,
    ResourceShareAssociationStatus,
    ResourceShareInvitation,
    ResourceShareInvitationStatus,
} from "@aws-sdk/client-ram";
import type { RamArn } from "../../inputs/arn";
import { problemOf } from "../../ram/errors";
import { describeAccount } from "../../ram/messages";
import { callRam, failedCall } from "../../ram/ram-call-error";
import { findSeenInvitation } from "../../ram/invitation-finders";
import type { RamSession } from "../../ram/ram-session";
import type { RamSessions } from "../../ram/ram-sessions";
import { invitationToAnswer, lookUpCurrent } from "../rejection/create";
import { accessOf, factsFromArn, invitationFacts, withoutUndefined } from "../answer/properties";
import { roleOfState } from "../../inputs/role-inputs";
import { requireArn } from "../../inputs/selection";
import { DEFERRED_FAILURE_INPUT } from "../answer/phase";
import { AcceptanceInputs, AcceptanceState, associationWaitSeconds } from "./properties";

export async function createAcceptance(
    sessions: RamSessions,
    inputs: AcceptanceInputs,
): Promise<pulumi.dynamic.CreateResult<AcceptanceState>> {
    if (inputs[DEFERRED_FAILURE_INPUT] !== undefined) {
        throw new Error(inputs[DEFERRED_FAILURE_INPUT]);
    }
    const session = sessions.forRole(roleOfState(inputs));
    const arn = await invitationToAnswer(session, inputs);
    // An invitation this run has just listed as ACCEPTED (accepted out of band, or by an attempt that
    // crashed before Pulumi saved it) is adopted without a write.
    const seen = await findSeenInvitation(session.invitations, arn.region, arn.arn);
    const answered =
        seen?.status === ResourceShareInvitationStatus.ACCEPTED ? seen : await accept(session, arn, inputs.clientToken);
    const invitation = answered ?? (await lookUpCurrent(session, arn));
    if (invitation) {
        session.invitations.remember(arn.region, invitation);
    }
    const facts = invitation ? invitationFacts(invitation) : factsFromArn(arn, ResourceShareInvitationStatus.ACCEPTED);
    const shareArn = requireArn(facts.resourceShareArn, "resourceShareArn");
    const waitSeconds = associationWaitSeconds(inputs);
    const associated = await callRam(session, "look up", shareArn, () =>
        session.associations(arn.region).waitFor(shareArn.arn, waitSeconds),
    );
    if (!associated) {
        const context = await session.callContext(shareArn);
        throw new Error(
            `Accepted ${arn.arn}, but share ${shareArn.arn} ("${facts.resourceShareName}") was still not shared with ` +
                `${describeAccount(context)} in region ${arn.region} after waiting ${waitSeconds} s: RAM has not ` +
                `finished associating the account with it. Run the update again later (the acceptance is not ` +
                `repeated: it carries the same client token, and an accepted invitation is adopted), or raise ` +
                `associationWaitSeconds.`,
        );
    }
    const state: AcceptanceState = {
        ...facts,
        clientToken: inputs.clientToken,
        acceptedAt: new Date().toISOString(),
        shareStatus: associated.share.status ?? "",
        associationStatus: ResourceShareAssociationStatus.ASSOCIATED,
        sharedResources: associated.resources,
        ...withoutUndefined({
            leaveShareOnDelete: inputs.leaveShareOnDelete,
            associationWaitSeconds: inputs.associationWaitSeconds,
        }),
        ...accessOf(inputs),
    };
    return { id: arn.arn, outs: state };
}

/**
 * Sends the acceptance. Already accepted is the desired state (adopted, without the invitation in
 * the answer); anything else RAM refuses fails with what to do.
 */
async function accept(
    session: RamSession,
    arn: RamArn,
    clientToken: string,
): Promise<ResourceShareInvitation | undefined> {
    try {
        const answer = await session.clients
            .forRegion(arn.region)
            .send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn.arn, clientToken }));
        return answer.resourceShareInvitation;
    } catch (error) {
        if (problemOf(error) === "already-accepted") {
            return undefined;
        }
        throw await failedCall(session, "accept", arn, error);
    }
}

/**
 * `read` (refresh) for an acceptance: the invitation's status, and whether the share is still shared
 * with the account, with what. A share the account left, or its owner deleted, is reported (status,
 * and the resources no longer listed), never an error, and never waited for: an invitation RAM no
 * longer returns keeps its last known facts. A refresh reads every resource in one provider process,
 * so one listing of each kind per account and region answers all of them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ResourceShareAssociationStatus, ResourceShareStatus } from "@aws-sdk/client-ram";
import { warn } from "../../diagnostics";
import { findListedInvitation } from "../../ram/invitation-finders";
import { callRam } from "../../ram/ram-call-error";
import type { RamSessions } from "../../ram/ram-sessions";
import type { SharedWithAccount } from "../../ram/share-finders";
import { invitationFacts } from "../answer/properties";
import { roleOfState } from "../../inputs/role-inputs";
import { requireArn } from "../../inputs/selection";
import type { AcceptanceState } from "./properties";

export async function readAcceptance(
    sessions: RamSessions,
    id: pulumi.ID,
    props: AcceptanceState,
): Promise<pulumi.dynamic.ReadResult<AcceptanceState>> {
    const session = sessions.forRole(roleOfState(props));
    const arn = requireArn(props.invitationArn ?? id, "invitationArn");
    const [invitation, shared] = await Promise.all([
        callRam(session, "look up", arn, () => findListedInvitation(session.invitations, arn.region, arn.arn)),
        callRam(session, "look up", arn, () => session.sharedWithAccount(arn.region)),
    ]);
    const facts = invitation ? invitationFacts(invitation) : {};
    const state: AcceptanceState = { ...props, ...facts, ...shareAsSeen(props, shared) };
    if (
        props.associationStatus === ResourceShareAssociationStatus.ASSOCIATED &&
        state.associationStatus !== props.associationStatus
    ) {
        warn(
            `${arn.arn}: share ${props.resourceShareArn} ("${props.resourceShareName}") is no longer shared with ` +
                `account ${props.receiverAccountId} (share status ${state.shareStatus}): ` +
                (state.shareStatus === ResourceShareStatus.DELETED
                    ? "its owner deleted it."
                    : "the account left it, or its owner removed the account.") +
                ` Its resources are no longer visible; delete this resource from the program to stop tracking it.`,
        );
    }
    return { id, props: state };
}

/** The share's status, the association and the resources, from the region's listing (read and import). */
export function shareAsSeen(
    props: Pick<AcceptanceState, "resourceShareArn" | "shareStatus">,
    shared: SharedWithAccount,
): Pick<AcceptanceState, "shareStatus" | "associationStatus" | "sharedResources"> {
    const share = shared.shares.get(props.resourceShareArn);
    if (!share) {
        return {
            shareStatus: props.shareStatus,
            associationStatus: ResourceShareAssociationStatus.DISASSOCIATED,
            sharedResources: [],
        };
    }
    const active = share.status === ResourceShareStatus.ACTIVE;
    return {
        shareStatus: share.status ?? props.shareStatus,
        associationStatus: active
            ? ResourceShareAssociationStatus.ASSOCIATED
            : ResourceShareAssociationStatus.DISASSOCIATED,
        sharedResources: active ? (shared.resourcesByShare.get(props.resourceShareArn) ?? []) : [],
    };
}

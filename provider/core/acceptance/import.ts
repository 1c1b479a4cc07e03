/**
 * `pulumi import` of an acceptance: the invitation must already be accepted, since importing makes
 * no call. The state is what refresh would read: the share and its resources as the account sees them.
 */
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { callRam } from "../../ram/ram-call-error";
import type { RamSessions } from "../../ram/ram-sessions";
import { accessOfTarget, findImportable } from "../answer/import";
import { ImportTarget } from "../../inputs/import-id";
import { invitationFacts } from "../answer/properties";
import { deriveAcceptanceClientToken } from "./client-token";
import type { AcceptanceState } from "./properties";
import { shareAsSeen } from "./read";

export async function importAcceptance(
    sessions: RamSessions,
    target: ImportTarget,
    resourceUrn: string,
): Promise<AcceptanceState> {
    const { invitation, session, arn } = await findImportable(
        sessions,
        target,
        ResourceShareInvitationStatus.ACCEPTED,
        notImportable,
    );
    const facts = invitationFacts(invitation);
    const shared = await callRam(session, "look up", arn, () => session.sharedWithAccount(arn.region));
    return {
        ...facts,
        clientToken: deriveAcceptanceClientToken(resourceUrn, arn.arn),
        ...shareAsSeen({ resourceShareArn: facts.resourceShareArn, shareStatus: "" }, shared),
        ...accessOfTarget(target),
    };
}

function notImportable(status: string | undefined): string {
    switch (status) {
        case ResourceShareInvitationStatus.PENDING:
            return (
                "it is PENDING, so there is no acceptance to import. Declare an InvitationAcceptance for it " +
                "instead: `pulumi up` accepts it"
            );
        case ResourceShareInvitationStatus.REJECTED:
            return "it was REJECTED, and a rejected invitation cannot be accepted";
        case ResourceShareInvitationStatus.EXPIRED:
            return "it EXPIRED before anyone accepted it, so there is no acceptance to import";
        default:
            return `its status is ${status ?? "missing"}, not ACCEPTED`;
    }
}

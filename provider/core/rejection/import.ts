/** `pulumi import` of a rejection: the invitation must already be rejected (see ../answer/import.ts). */
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import type { RamSessions } from "../../ram/ram-sessions";
import { accessOfTarget, findImportable } from "../answer/import";
import { ImportTarget } from "../../inputs/import-id";
import { invitationFacts, RejectionState } from "../answer/properties";
import { deriveClientToken } from "./client-token";

/**
 * The state of a rejection adopted by import: the invitation as RAM shows it now, which must be
 * REJECTED. The token is the one this resource would have sent (nothing is sent).
 */
export async function importRejection(
    sessions: RamSessions,
    target: ImportTarget,
    resourceUrn: string,
): Promise<RejectionState> {
    const { invitation } = await findImportable(
        sessions,
        target,
        ResourceShareInvitationStatus.REJECTED,
        notImportable,
    );
    return {
        ...invitationFacts(invitation),
        clientToken: deriveClientToken(resourceUrn, target.invitationArn),
        ...accessOfTarget(target),
    };
}

function notImportable(status: string | undefined): string {
    switch (status) {
        case ResourceShareInvitationStatus.PENDING:
            return (
                "it is PENDING, so there is no rejection to import. Declare an InvitationRejection for it " +
                "instead: `pulumi up` rejects it"
            );
        case ResourceShareInvitationStatus.ACCEPTED:
            return "it was ACCEPTED, and an accepted invitation cannot be rejected";
        case ResourceShareInvitationStatus.EXPIRED:
            return "it EXPIRED before anyone rejected it, so there is no rejection to import";
        default:
            return `its status is ${status ?? "missing"}, not REJECTED`;
    }
}

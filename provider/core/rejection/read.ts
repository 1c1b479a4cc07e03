import type * as pulumi from "@pulumi/pulumi";
import { findListedInvitation } from "../../ram/invitation-finders";
import { callRam } from "../../ram/ram-call-error";
import type { RamSessions } from "../../ram/ram-sessions";
import { invitationFacts, RejectionState } from "../answer/properties";
import { roleOfState } from "../../inputs/role-inputs";
import { requireArn } from "../../inputs/selection";

/**
 * `read` (refresh) for a rejection: the invitation's current status. A refresh reads every
 * resource in one provider process, so one listing of the region answers all of them.
 */
export async function readRejection(
    sessions: RamSessions,
    id: pulumi.ID,
    props?: RejectionState,
): Promise<pulumi.dynamic.ReadResult<RejectionState>> {
    const session = sessions.forRole(props ? roleOfState(props) : undefined);
    const arn = requireArn(props?.invitationArn ?? id, "invitationArn");
    const invitation = await callRam(session, "look up", arn, () =>
        findListedInvitation(session.invitations, arn.region, arn.arn),
    );
    // A rejection is final: when RAM no longer returns the invitation (its share was deleted), the
    // last known state is still the truth.
    if (!invitation) {
        return { id, props };
    }
    return { id, props: { ...(props as RejectionState), ...invitationFacts(invitation) } };
}

/**
 * `delete` for an acceptance. By default it only forgets: other stacks may depend on what the share
 * makes visible, and leaving cannot be undone by the receiver (only a new invitation from the owner
 * brings the share back). With `leaveShareOnDelete: true` it leaves the share, as Terraform's
 * accepter always does: DisassociateResourceShare with the account itself as principal, and a
 * token derived from the acceptance's, so a retried delete sends the same request.
 */
import { DisassociateResourceShareCommand } from "@aws-sdk/client-ram";
import { info } from "../../diagnostics";
import { problemOf } from "../../ram/errors";
import { failedCall } from "../../ram/ram-call-error";
import type { RamSessions } from "../../ram/ram-sessions";
import { roleOfState } from "../../inputs/role-inputs";
import { requireArn } from "../../inputs/selection";
import { deriveLeaveClientToken } from "./client-token";
import type { AcceptanceState } from "./properties";

export async function deleteAcceptance(sessions: RamSessions, id: string, props: AcceptanceState): Promise<void> {
    if (props.leaveShareOnDelete !== true) {
        info(
            `${id}: the share ${props.resourceShareArn} stays shared with account ${props.receiverAccountId}; ` +
                `removing the acceptance from the stack only (set leaveShareOnDelete: true to leave the share).`,
        );
        return;
    }
    const share = requireArn(props.resourceShareArn, "resourceShareArn");
    const session = sessions.forRole(roleOfState(props));
    try {
        await session.clients.forRegion(share.region).send(
            new DisassociateResourceShareCommand({
                resourceShareArn: share.arn,
                principals: [props.receiverAccountId],
                clientToken: deriveLeaveClientToken(props.clientToken, share.arn),
            }),
        );
        info(`${id}: account ${props.receiverAccountId} left share ${share.arn}.`);
    } catch (error) {
        if (problemOf(error) === "unknown-resource") {
            // Already left, removed by the owner, or deleted: the account is out of the share, as asked.
            info(`${id}: account ${props.receiverAccountId} is no longer in share ${share.arn}; nothing to leave.`);
            return;
        }
        throw await failedCall(session, "leave", share, error);
    }
}

/**
 * The invitations the calling account sees, for programs: what an InvitationPolicy decides on, and
 * what a program can use to declare rejections of its own. Runs in the program (in preview and in
 * the update alike), with the same credentials chain, endpoint overrides and retry policy as the
 * provider's own reads.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GetInvitationsArgs } from "../inputs/listing-args";
import { failedCall } from "../ram/ram-call-error";
import type { RamSession } from "../ram/ram-session";
import { invitationFacts } from "./answer/properties";
import type { Invitation } from "../generated/types";

/** An invitation as RAM shows it to the calling account. */
export type { Invitation };

/** The listing itself, over a session the caller owns (an InvitationPolicy lists several regions with one). */
export async function listInvitations(
    session: RamSession,
    args: GetInvitationsArgs & { region: string },
): Promise<Invitation[]> {
    let listed;
    try {
        listed = await session.invitations.listing(args.region);
    } catch (error) {
        // In the program, a RunError is reported by its message alone, without a stack trace.
        throw new pulumi.RunError((await failedCall(session, "list", { region: args.region }, error)).message);
    }
    return [...listed.byArn.values()]
        .map((invitation) => ({ ...invitationFacts(invitation), region: args.region }))
        .filter((invitation) => !args.statuses || args.statuses.includes(invitation.status))
        .filter((invitation) => !args.senderAccountIds || args.senderAccountIds.includes(invitation.senderAccountId))
        .sort((a, b) => a.invitationTimestamp.localeCompare(b.invitationTimestamp));
}

/**
 * What a program has just listed about an invitation, handed to `check` so that it need not look
 * the invitation up again: an InvitationPolicy lists every invitation of a region before it declares
 * its rejections, and `check` runs for one resource at a time, so a fresh look per account and
 * region would only repeat that listing. The input is internal (`__`): never shown, never stored.
 */
import type { ResourceShareInvitation } from "@aws-sdk/client-ram";
import type { InvitationFacts } from "./properties";

export const LISTED_INPUT = "__listed";

/** The facts the program saw, less the ARN (which the resource's own input carries). */
export type ListedInvitation = Omit<InvitationFacts, "invitationArn">;

/** The listed facts as the SDK's shape, for the same verdict a lookup would get. */
export function asSdkInvitation(invitationArn: string, listed: ListedInvitation): ResourceShareInvitation {
    return {
        resourceShareInvitationArn: invitationArn,
        resourceShareArn: listed.resourceShareArn,
        resourceShareName: listed.resourceShareName,
        senderAccountId: listed.senderAccountId,
        receiverAccountId: listed.receiverAccountId,
        status: listed.status as ResourceShareInvitation["status"],
        invitationTimestamp: listed.invitationTimestamp ? new Date(listed.invitationTimestamp) : undefined,
    };
}

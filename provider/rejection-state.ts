import type { ResourceShareInvitation } from "@aws-sdk/client-ram";

/** What the provider records in Pulumi state for one rejection: the outputs of the resource. */
export interface RejectionState {
    invitationArn: string;
    resourceShareArn: string;
    resourceShareName: string;
    senderAccountId: string;
    receiverAccountId: string;
    /** PENDING, ACCEPTED, REJECTED or EXPIRED, as RAM last reported it. */
    status: string;
    /** ISO 8601 time at which the sender created the invitation. */
    invitationTimestamp: string;
    clientToken: string;
    /** ISO 8601 time at which this resource saw the rejection take effect; absent if it never did. */
    rejectedAt?: string;
}

/** The fields of the state that describe the invitation itself, as RAM reports it. */
export type InvitationFacts = Pick<
    RejectionState,
    | "invitationArn"
    | "resourceShareArn"
    | "resourceShareName"
    | "senderAccountId"
    | "receiverAccountId"
    | "status"
    | "invitationTimestamp"
>;

/** Copies what RAM says about an invitation into the state's field names and types. */
export function invitationFacts(invitation: ResourceShareInvitation): InvitationFacts {
    return {
        invitationArn: invitation.resourceShareInvitationArn ?? "",
        resourceShareArn: invitation.resourceShareArn ?? "",
        resourceShareName: invitation.resourceShareName ?? "",
        senderAccountId: invitation.senderAccountId ?? "",
        receiverAccountId: invitation.receiverAccountId ?? "",
        status: invitation.status ?? "",
        invitationTimestamp: invitation.invitationTimestamp?.toISOString() ?? "",
    };
}

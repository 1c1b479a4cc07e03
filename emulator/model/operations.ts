/**
 * What each RAM operation does to the store and answers, once the request is authenticated,
 * fits the model's input shape and has passed the client-token ledger: the table of every served
 * operation, and here the invitations' (GetResourceShareInvitations, Accept and Reject); the shares'
 * are in share-operations.ts. Replies are typed with the SDK's own response types; Dates become
 * epoch seconds on the wire.
 */
import {
    AcceptResourceShareInvitationRequest,
    AcceptResourceShareInvitationResponse,
    GetResourceShareInvitationsRequest,
    GetResourceShareInvitationsResponse,
} from "@aws-sdk/client-ram";
import { ApiError } from "../wire/api-error";
import { paginate } from "../wire/pagination";
import type { RamOperationName } from "../wire/ram-schema";
import {
    CallContext,
    Checked,
    listingKey,
    OperationResult,
    pageSize,
    requireRamArn,
    ALREADY_ANSWERED,
    invitationNotFound,
} from "./operation-context";
import {
    createResourceShare,
    deleteResourceShare,
    disassociateResourceShare,
    getResourceShares,
    listPendingInvitationResources,
    listResources,
} from "./share-operations";

export type { CallContext, OperationResult };

function getResourceShareInvitations(
    input: GetResourceShareInvitationsRequest,
    { caller, store }: CallContext,
): OperationResult {
    const maxResults = pageSize(input.maxResults, "InvalidMaxResultsException", store);
    const invitationArns = input.resourceShareInvitationArns ?? [];
    const shareArns = input.resourceShareArns ?? [];
    invitationArns.forEach((arn) => requireRamArn(arn, "resource-share-invitation"));
    shareArns.forEach((arn) => requireRamArn(arn, "resource-share"));
    for (const arn of invitationArns) {
        if (!store.receivedInvitation(caller.accountId, caller.region, arn)) {
            throw invitationNotFound(arn);
        }
    }
    for (const arn of shareArns) {
        if (store.share(arn)?.region !== caller.region) {
            throw new ApiError("UnknownResourceException", `The resource share ${arn} could not be found.`);
        }
    }

    const invitations = store
        .receivedInvitations(caller.accountId, caller.region)
        .filter((i) => invitationArns.length === 0 || invitationArns.includes(i.resourceShareInvitationArn))
        .filter((i) => shareArns.length === 0 || shareArns.includes(i.resourceShareArn));
    const page = paginate(invitations, listingKey(caller, input), maxResults, input.nextToken);
    const reply: GetResourceShareInvitationsResponse = {
        resourceShareInvitations: page.items.map((i) => store.describeInvitation(i)),
        nextToken: page.nextToken,
    };
    return { reply, stateChanged: false };
}

/** AcceptResourceShareInvitation and RejectResourceShareInvitation: the same rules, another answer. */
function answerInvitation(answer: "ACCEPTED" | "REJECTED") {
    return (
        input: Checked<AcceptResourceShareInvitationRequest, "resourceShareInvitationArn">,
        { caller, store, associationStalls }: CallContext,
    ): OperationResult => {
        const arn = input.resourceShareInvitationArn;
        requireRamArn(arn, "resource-share-invitation");
        const invitation = store.receivedInvitation(caller.accountId, caller.region, arn);
        if (!invitation) {
            throw invitationNotFound(arn);
        }
        const status = store.statusOf(invitation);
        if (status !== "PENDING") {
            throw new ApiError(ALREADY_ANSWERED[status], `The invitation ${arn} is ${status}, not PENDING.`);
        }
        if (answer === "ACCEPTED") {
            store.accept(invitation, associationStalls());
        } else {
            store.setStatus(arn, answer);
        }
        const reply: AcceptResourceShareInvitationResponse = {
            resourceShareInvitation: store.describeInvitation(invitation),
        };
        return { reply, stateChanged: true };
    };
}

/**
 * Each served operation. Inputs arrive checked against the model's shape, so they can be
 * read with the SDK's request types.
 */
export const OPERATIONS: Record<RamOperationName, (input: never, context: CallContext) => OperationResult> = {
    CreateResourceShare: createResourceShare,
    GetResourceShares: getResourceShares,
    GetResourceShareInvitations: getResourceShareInvitations,
    AcceptResourceShareInvitation: answerInvitation("ACCEPTED"),
    RejectResourceShareInvitation: answerInvitation("REJECTED"),
    ListResources: listResources,
    ListPendingInvitationResources: listPendingInvitationResources,
    DisassociateResourceShare: disassociateResourceShare,
    DeleteResourceShare: deleteResourceShare,
};

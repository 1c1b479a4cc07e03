/**
 * What the RAM operations on shares do to the store and answer: CreateResourceShare,
 * GetResourceShares, ListResources, ListPendingInvitationResources, DisassociateResourceShare and
 * DeleteResourceShare.
 */
import {
    CreateResourceShareRequest,
    CreateResourceShareResponse,
    DeleteResourceShareRequest,
    DeleteResourceShareResponse,
    DisassociateResourceShareRequest,
    DisassociateResourceShareResponse,
    GetResourceSharesRequest,
    GetResourceSharesResponse,
    ListPendingInvitationResourcesRequest,
    ListPendingInvitationResourcesResponse,
    ListResourcesRequest,
    ListResourcesResponse,
    ResourceOwner,
    ResourceShareAssociationStatus,
    ResourceShareAssociationType,
    ResourceShareStatus,
    TagFilter,
} from "@aws-sdk/client-ram";
import { ApiError } from "../wire/api-error";
import type { Caller } from "../wire/authenticate";
import { paginate } from "../wire/pagination";
import { parseArn } from "./arns";
import type { InvitationRecord, ShareRecord, Store } from "./store";
import {
    ALREADY_ANSWERED,
    invitationNotFound,
    CallContext,
    Checked,
    listingKey,
    OperationResult,
    pageSize,
    principalAccount,
    requireRamArn,
} from "./operation-context";

export function createResourceShare(
    input: Checked<CreateResourceShareRequest, "name">,
    { caller, store }: CallContext,
): OperationResult {
    if (input.name.trim() === "") {
        throw new ApiError("InvalidParameterException", "The resource share name must not be empty.");
    }
    for (const arn of input.resourceArns ?? []) {
        if (!parseArn(arn)) {
            throw new ApiError("MalformedArnException", `The resource ARN ${arn} is not a valid ARN.`);
        }
    }
    const { share } = store.createShare({
        name: input.name,
        ownerAccountId: caller.accountId,
        region: caller.region,
        principals: (input.principals ?? []).map((p) => principalAccount(p, caller)),
        resourceArns: input.resourceArns,
        tags: input.tags,
        allowExternalPrincipals: input.allowExternalPrincipals,
    });
    const reply: CreateResourceShareResponse = { resourceShare: store.describeShare(share) };
    return { reply, stateChanged: true };
}

function matchesTagFilters(share: ShareRecord, filters: TagFilter[]): boolean {
    return filters.every((filter) =>
        share.tags.some(
            (tag) =>
                (filter.tagKey === undefined || tag.key === filter.tagKey) &&
                (!filter.tagValues?.length || filter.tagValues.includes(tag.value ?? "")),
        ),
    );
}

export function getResourceShares(
    input: Checked<GetResourceSharesRequest, "resourceOwner">,
    { caller, store }: CallContext,
): OperationResult {
    resourceOwnerOf(input.resourceOwner);
    const statuses: string[] = Object.values(ResourceShareStatus);
    if (input.resourceShareStatus !== undefined && !statuses.includes(input.resourceShareStatus)) {
        throw new ApiError("InvalidParameterException", `resourceShareStatus must be one of ${statuses.join(", ")}.`);
    }
    const maxResults = pageSize(input.maxResults, "InvalidParameterException", store);
    const shareArns = input.resourceShareArns ?? [];
    shareArns.forEach((arn) => requireRamArn(arn, "resource-share"));

    const shares = store
        .listShares()
        .filter((s) => s.region === caller.region)
        .filter((s) =>
            input.resourceOwner === ResourceOwner.SELF
                ? s.ownerAccountId === caller.accountId
                : sharedWithCaller(store, caller, s, { includeDeleted: true }),
        )
        .filter((s) => shareArns.length === 0 || shareArns.includes(s.resourceShareArn))
        .filter((s) => input.resourceShareStatus === undefined || input.resourceShareStatus === s.status)
        .filter((s) => input.name === undefined || s.name === input.name)
        .filter((s) => matchesTagFilters(s, input.tagFilters ?? []));

    const page = paginate(shares, listingKey(caller, input), maxResults, input.nextToken);
    const reply: GetResourceSharesResponse = {
        resourceShares: page.items.map((s) => store.describeShare(s)),
        nextToken: page.nextToken,
    };
    return { reply, stateChanged: false };
}

/**
 * Whether `share` is shared with the caller now: the caller accepted its invitation and the
 * association is ASSOCIATED (not still ASSOCIATING, not left). With `includeDeleted`, a share its
 * owner deleted while the caller was associated still counts: RAM goes on describing it, as DELETED.
 */
function sharedWithCaller(
    store: Store,
    caller: Caller,
    share: ShareRecord,
    { includeDeleted }: { includeDeleted: boolean },
): boolean {
    const invitation = associatedInvitation(store, caller, share);
    if (!invitation?.association || invitation.association.leftAtMs !== undefined) {
        return false;
    }
    if (share.status === ResourceShareStatus.DELETED) {
        return includeDeleted && invitation.association.readyAtMs !== null;
    }
    return store.associationStatusOf(invitation) === ResourceShareAssociationStatus.ASSOCIATED;
}

/** The caller's accepted invitation to `share`, if any. */
function associatedInvitation(store: Store, caller: Caller, share: ShareRecord): InvitationRecord | undefined {
    return store
        .receivedInvitations(caller.accountId, caller.region)
        .find((i) => i.resourceShareArn === share.resourceShareArn && i.association !== undefined);
}

function resourceOwnerOf(value: string): ResourceOwner {
    const owners: string[] = Object.values(ResourceOwner);
    if (!owners.includes(value)) {
        throw new ApiError("InvalidParameterException", `resourceOwner must be one of ${owners.join(", ")}.`);
    }
    return value as ResourceOwner;
}

export function listResources(
    input: Checked<ListResourcesRequest, "resourceOwner">,
    { caller, store }: CallContext,
): OperationResult {
    const owner = resourceOwnerOf(input.resourceOwner);
    const maxResults = pageSize(input.maxResults, "InvalidParameterException", store);
    const shareArns = input.resourceShareArns ?? [];
    shareArns.forEach((arn) => requireRamArn(arn, "resource-share"));
    const resourceArns = input.resourceArns ?? [];
    const resources = store
        .listShares()
        .filter((s) => s.region === caller.region)
        .filter((s) =>
            owner === ResourceOwner.SELF
                ? s.ownerAccountId === caller.accountId && s.status !== ResourceShareStatus.DELETED
                : sharedWithCaller(store, caller, s, { includeDeleted: false }),
        )
        .filter((s) => shareArns.length === 0 || shareArns.includes(s.resourceShareArn))
        .flatMap((s) => store.describeResources(s))
        .filter((r) => resourceArns.length === 0 || resourceArns.includes(r.arn ?? ""))
        .filter((r) => input.resourceType === undefined || r.type?.toLowerCase() === input.resourceType.toLowerCase());
    const page = paginate(resources, listingKey(caller, input), maxResults, input.nextToken);
    const reply: ListResourcesResponse = { resources: page.items, nextToken: page.nextToken };
    return { reply, stateChanged: false };
}

/** What a receiver may see of a share before it accepts: the resources it would get. */
export function listPendingInvitationResources(
    input: Checked<ListPendingInvitationResourcesRequest, "resourceShareInvitationArn">,
    { caller, store }: CallContext,
): OperationResult {
    const arn = input.resourceShareInvitationArn;
    requireRamArn(arn, "resource-share-invitation");
    const maxResults = pageSize(input.maxResults, "InvalidParameterException", store);
    const invitation = store.receivedInvitation(caller.accountId, caller.region, arn);
    if (!invitation) {
        throw invitationNotFound(arn);
    }
    const status = store.statusOf(invitation);
    if (status === "REJECTED" || status === "EXPIRED") {
        throw new ApiError(ALREADY_ANSWERED[status], `The invitation ${arn} is ${status}.`);
    }
    const share = store.share(invitation.resourceShareArn);
    const resources = share ? store.describeResources(share) : [];
    const page = paginate(resources, listingKey(caller, input), maxResults, input.nextToken);
    const reply: ListPendingInvitationResourcesResponse = { resources: page.items, nextToken: page.nextToken };
    return { reply, stateChanged: false };
}

function shareInCallerRegion(store: Store, caller: Caller, arn: string): ShareRecord {
    requireRamArn(arn, "resource-share");
    const share = store.share(arn);
    if (share?.region !== caller.region) {
        throw new ApiError("UnknownResourceException", `The resource share ${arn} could not be found.`);
    }
    return share;
}

/**
 * DisassociateResourceShare with principals. The owner removes receivers; a receiver may only name
 * its own account, which leaves the share (what a receiver's "leave" is in RAM).
 */
export function disassociateResourceShare(
    input: Checked<DisassociateResourceShareRequest, "resourceShareArn">,
    { caller, store }: CallContext,
): OperationResult {
    const share = shareInCallerRegion(store, caller, input.resourceShareArn);
    if ((input.resourceArns ?? []).length > 0 || (input.sources ?? []).length > 0) {
        throw new ApiError(
            "InvalidParameterException",
            "The emulator disassociates principals only: give principals, not resourceArns or sources.",
        );
    }
    const principals = input.principals ?? [];
    const isOwner = share.ownerAccountId === caller.accountId;
    if (!isOwner && (principals.length !== 1 || principals[0] !== caller.accountId)) {
        throw new ApiError(
            "OperationNotPermittedException",
            `Account ${caller.accountId} does not own ${share.resourceShareArn}: it can only remove its own account.`,
        );
    }
    const leaving = store
        .listInvitations()
        .filter((i) => i.resourceShareArn === share.resourceShareArn && principals.includes(i.receiverAccountId))
        .filter((i) => {
            const status = store.associationStatusOf(i);
            return status === ResourceShareAssociationStatus.ASSOCIATED || status === "ASSOCIATING";
        });
    if (leaving.length === 0) {
        throw new ApiError(
            "UnknownResourceException",
            `None of ${principals.join(", ")} is associated with ${share.resourceShareArn}.`,
        );
    }
    const now = store.describeShare(share).lastUpdatedTime;
    leaving.forEach((i) => store.leave(i));
    const reply: DisassociateResourceShareResponse = {
        resourceShareAssociations: leaving.map((i) => ({
            resourceShareArn: share.resourceShareArn,
            resourceShareName: share.name,
            associatedEntity: i.receiverAccountId,
            associationType: ResourceShareAssociationType.PRINCIPAL,
            status: ResourceShareAssociationStatus.DISASSOCIATING,
            creationTime: now,
            lastUpdatedTime: now,
            external: true,
        })),
    };
    return { reply, stateChanged: true };
}

/** DeleteResourceShare: its owner deletes it, and every receiver's association ends. */
export function deleteResourceShare(
    input: Checked<DeleteResourceShareRequest, "resourceShareArn">,
    { caller, store }: CallContext,
): OperationResult {
    const share = shareInCallerRegion(store, caller, input.resourceShareArn);
    if (share.ownerAccountId !== caller.accountId) {
        throw new ApiError(
            "OperationNotPermittedException",
            `Account ${caller.accountId} does not own ${share.resourceShareArn}, so it cannot delete it.`,
        );
    }
    if (share.status === ResourceShareStatus.DELETED) {
        throw new ApiError(
            "InvalidStateTransitionException",
            `The resource share ${share.resourceShareArn} is DELETED.`,
        );
    }
    store.deleteShare(share);
    const reply: DeleteResourceShareResponse = { returnValue: true };
    return { reply, stateChanged: true };
}

/**
 * What each RAM operation does to the store and answers, once the request is authenticated,
 * fits the model's input shape and has passed the client-token ledger. Replies are typed
 * with the SDK's own response types; Dates become epoch seconds on the wire.
 */
import {
    AcceptResourceShareInvitationRequest,
    AcceptResourceShareInvitationResponse,
    CreateResourceShareRequest,
    CreateResourceShareResponse,
    DeleteResourceShareRequest,
    DeleteResourceShareResponse,
    DisassociateResourceShareRequest,
    DisassociateResourceShareResponse,
    GetResourceShareInvitationsRequest,
    GetResourceShareInvitationsResponse,
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
import { canonicalJson } from "../wire/canonical-json";
import { paginate } from "../wire/pagination";
import type { RamErrorName, RamOperationName } from "../wire/ram-schema";
import { isAccountId, isRamArn, parseArn, RamResourceType } from "./arns";
import type { InvitationRecord, ShareRecord, Store } from "./store";
import type { InvitationStatus } from "./types";

/** What an operation runs with. */
export interface CallContext {
    caller: Caller;
    store: Store;
    /** Whether this acceptance's association is never to complete (an injected fault); asked once per acceptance. */
    associationStalls: () => boolean;
}

/** An operation's answer (without `clientToken`, which the ledger adds) and whether it changed state. */
export interface OperationResult {
    reply: object;
    stateChanged: boolean;
}

/** A request whose required members the model check has confirmed present. */
type Checked<Request, Required extends keyof Request> = Request & { [K in Required]-?: NonNullable<Request[K]> };

/** RAM's page size when the caller gives none; the model documents none, so the largest allowed. */
const DEFAULT_MAX_RESULTS = 500;
const MAX_RESULTS_LIMIT = 500;

function requireRamArn(value: string, type: RamResourceType): void {
    if (!isRamArn(value, type)) {
        throw new ApiError("MalformedArnException", `The specified ARN ${value} is not a valid ${type} ARN.`);
    }
}

/** The items of a page: what `maxResults` asks, at most the seeded page size (Seed.pageSize). */
function pageSize(maxResults: number | undefined, error: RamErrorName, store: Store): number {
    if (
        maxResults !== undefined &&
        (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT)
    ) {
        throw new ApiError(error, `maxResults must be an integer from 1 to ${MAX_RESULTS_LIMIT}.`);
    }
    return Math.min(maxResults ?? DEFAULT_MAX_RESULTS, store.pageSize ?? MAX_RESULTS_LIMIT);
}

/** What identifies a listing apart from its paging, so a nextToken only continues the listing it came from. */
function listingKey(caller: Caller, input: { nextToken?: string; maxResults?: number }): string {
    return canonicalJson([caller, { ...input, nextToken: undefined, maxResults: undefined }]);
}

/** The account a principal names. The emulator shares with account ids only. */
function principalAccount(principal: string, caller: Caller): string {
    if (isAccountId(principal)) {
        if (principal === caller.accountId) {
            throw new ApiError(
                "InvalidParameterException",
                "The owner of a resource share cannot be one of its principals.",
            );
        }
        return principal;
    }
    if (principal.startsWith("arn:") && !parseArn(principal)) {
        throw new ApiError("MalformedArnException", `The principal ${principal} is not a valid ARN.`);
    }
    throw new ApiError(
        "InvalidParameterException",
        `The principal ${principal} is not supported: the emulator shares with 12-digit AWS account ids only.`,
    );
}

function createResourceShare(
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

function getResourceShares(
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

function listResources(
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
function listPendingInvitationResources(
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
function disassociateResourceShare(
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
function deleteResourceShare(
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

function invitationNotFound(arn: string): ApiError {
    return new ApiError(
        "ResourceShareInvitationArnNotFoundException",
        `ResourceShareInvitationArn ${arn} could not be found.`,
    );
}

/** The error for answering an invitation that is no longer PENDING. */
const ALREADY_ANSWERED: Record<Exclude<InvitationStatus, "PENDING">, RamErrorName> = {
    ACCEPTED: "ResourceShareInvitationAlreadyAcceptedException",
    REJECTED: "ResourceShareInvitationAlreadyRejectedException",
    EXPIRED: "ResourceShareInvitationExpiredException",
};

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

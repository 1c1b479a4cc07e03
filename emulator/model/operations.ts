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
    GetResourceShareInvitationsRequest,
    GetResourceShareInvitationsResponse,
    GetResourceSharesRequest,
    GetResourceSharesResponse,
    ResourceOwner,
    ResourceShareStatus,
    TagFilter,
} from "@aws-sdk/client-ram";
import { ApiError } from "../wire/api-error";
import type { Caller } from "../wire/authenticate";
import { canonicalJson } from "../wire/canonical-json";
import { paginate } from "../wire/pagination";
import type { RamErrorName, RamOperationName } from "../wire/ram-schema";
import { isAccountId, isRamArn, parseArn, RamResourceType } from "./arns";
import type { ShareRecord, Store } from "./store";
import type { InvitationStatus } from "./types";

/** What an operation runs with. */
export interface CallContext {
    caller: Caller;
    store: Store;
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

function pageSize(maxResults: number | undefined, error: RamErrorName): number {
    if (maxResults === undefined) {
        return DEFAULT_MAX_RESULTS;
    }
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
        throw new ApiError(error, `maxResults must be an integer from 1 to ${MAX_RESULTS_LIMIT}.`);
    }
    return maxResults;
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
    const owners: string[] = Object.values(ResourceOwner);
    if (!owners.includes(input.resourceOwner)) {
        throw new ApiError("InvalidParameterException", `resourceOwner must be one of ${owners.join(", ")}.`);
    }
    const statuses: string[] = Object.values(ResourceShareStatus);
    if (input.resourceShareStatus !== undefined && !statuses.includes(input.resourceShareStatus)) {
        throw new ApiError("InvalidParameterException", `resourceShareStatus must be one of ${statuses.join(", ")}.`);
    }
    const maxResults = pageSize(input.maxResults, "InvalidParameterException");
    const shareArns = input.resourceShareArns ?? [];
    shareArns.forEach((arn) => requireRamArn(arn, "resource-share"));

    const acceptedShares = new Set(
        store
            .receivedInvitations(caller.accountId, caller.region)
            .filter((i) => store.statusOf(i) === "ACCEPTED")
            .map((i) => i.resourceShareArn),
    );
    const shares = store
        .listShares()
        .filter((s) => s.region === caller.region)
        .filter((s) =>
            input.resourceOwner === ResourceOwner.SELF
                ? s.ownerAccountId === caller.accountId
                : acceptedShares.has(s.resourceShareArn),
        )
        .filter((s) => shareArns.length === 0 || shareArns.includes(s.resourceShareArn))
        .filter(
            () => input.resourceShareStatus === undefined || input.resourceShareStatus === ResourceShareStatus.ACTIVE,
        )
        .filter((s) => input.name === undefined || s.name === input.name)
        .filter((s) => matchesTagFilters(s, input.tagFilters ?? []));

    const page = paginate(shares, listingKey(caller, input), maxResults, input.nextToken);
    const reply: GetResourceSharesResponse = {
        resourceShares: page.items.map((s) => store.describeShare(s)),
        nextToken: page.nextToken,
    };
    return { reply, stateChanged: false };
}

function getResourceShareInvitations(
    input: GetResourceShareInvitationsRequest,
    { caller, store }: CallContext,
): OperationResult {
    const maxResults = pageSize(input.maxResults, "InvalidMaxResultsException");
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
        { caller, store }: CallContext,
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
        store.setStatus(arn, answer);
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
};

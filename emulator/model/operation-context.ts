/**
 * What every RAM operation of the model runs with and checks alike: the call's context and result,
 * a checked request's type, ARNs, page sizes, the key a nextToken is bound to, a principal's account,
 * and the errors for an invitation that is not found or no longer pending.
 */
import { ApiError } from "../wire/api-error";
import type { Caller } from "../wire/authenticate";
import { canonicalJson } from "../wire/canonical-json";
import type { RamErrorName } from "../wire/ram-schema";
import { isAccountId, isRamArn, parseArn, RamResourceType } from "./arns";
import type { Store } from "./store";
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
export type Checked<Request, Required extends keyof Request> = Request & { [K in Required]-?: NonNullable<Request[K]> };

/** RAM's page size when the caller gives none; the model documents none, so the largest allowed. */
const DEFAULT_MAX_RESULTS = 500;
const MAX_RESULTS_LIMIT = 500;

export function requireRamArn(value: string, type: RamResourceType): void {
    if (!isRamArn(value, type)) {
        throw new ApiError("MalformedArnException", `The specified ARN ${value} is not a valid ${type} ARN.`);
    }
}

/** The items of a page: what `maxResults` asks, at most the seeded page size (Seed.pageSize). */
export function pageSize(maxResults: number | undefined, error: RamErrorName, store: Store): number {
    if (
        maxResults !== undefined &&
        (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT)
    ) {
        throw new ApiError(error, `maxResults must be an integer from 1 to ${MAX_RESULTS_LIMIT}.`);
    }
    return Math.min(maxResults ?? DEFAULT_MAX_RESULTS, store.pageSize ?? MAX_RESULTS_LIMIT);
}

/** What identifies a listing apart from its paging, so a nextToken only continues the listing it came from. */
export function listingKey(caller: Caller, input: { nextToken?: string; maxResults?: number }): string {
    return canonicalJson([caller, { ...input, nextToken: undefined, maxResults: undefined }]);
}

/** The account a principal names. The emulator shares with account ids only. */
export function principalAccount(principal: string, caller: Caller): string {
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

export function invitationNotFound(arn: string): ApiError {
    return new ApiError(
        "ResourceShareInvitationArnNotFoundException",
        `ResourceShareInvitationArn ${arn} could not be found.`,
    );
}

/** The error for answering an invitation that is no longer PENDING. */
export const ALREADY_ANSWERED: Record<Exclude<InvitationStatus, "PENDING">, RamErrorName> = {
    ACCEPTED: "ResourceShareInvitationAlreadyAcceptedException",
    REJECTED: "ResourceShareInvitationAlreadyRejectedException",
    EXPIRED: "ResourceShareInvitationExpiredException",
};

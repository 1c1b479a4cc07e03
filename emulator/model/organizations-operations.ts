/**
 * What each served Organizations operation answers, once the request is authenticated and fits the
 * model's input shape: who may ask (a member may describe its organization; only the management
 * account and delegated administrators may list and describe its accounts and OUs), the checks of
 * ids and paging Organizations makes, and the answer in the SDK's own response types. Nothing here
 * changes state: the admin API changes the organization between two runs.
 */
import type {
    DescribeAccountRequest,
    DescribeAccountResponse,
    DescribeOrganizationalUnitRequest,
    DescribeOrganizationalUnitResponse,
    DescribeOrganizationResponse,
    ListAccountsForParentRequest,
    ListAccountsForParentResponse,
    ListAccountsRequest,
    ListAccountsResponse,
    ListOrganizationalUnitsForParentRequest,
    ListOrganizationalUnitsForParentResponse,
    ListRootsRequest,
    ListRootsResponse,
} from "@aws-sdk/client-organizations";
import { ApiError } from "../wire/api-error";
import type { Caller } from "../wire/authenticate";
import { canonicalJson } from "../wire/canonical-json";
import type { OrganizationsOperationName } from "../wire/organizations-schema";
import { Page, paginate } from "../wire/pagination";
import { isAccountId } from "./arns";
import type { OrganizationRecord, Organizations } from "./organization";
import { isParentId, ORGANIZATIONAL_UNIT_ID_PATTERN } from "./organization-ids";
import type { Store } from "./store";

/** What an operation runs with. */
export interface OrganizationsCallContext {
    caller: Caller;
    organizations: Organizations;
    /** For the seeded page size. */
    store: Store;
}

/** The limits of `MaxResults` in Organizations' model for the served list operations, and the page size without one. */
const MAX_RESULTS = { min: 1, max: 20 };
const DEFAULT_MAX_RESULTS = 20;

/** A request whose required members the model check has confirmed present. */
type Checked<Request, Required extends keyof Request> = Request & { [K in Required]-?: NonNullable<Request[K]> };

function invalidInput(reason: string, message: string): ApiError {
    return new ApiError("InvalidInputException", message, { Reason: reason });
}

/** The organization the caller is a member of, or Organizations' answer to an account in none. */
function callersOrganization({ caller, organizations }: OrganizationsCallContext): OrganizationRecord {
    const organization = organizations.organizationOf(caller.accountId);
    if (!organization) {
        throw new ApiError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
    }
    return organization;
}

/** The organization, when the caller may read its structure: its management account or a delegated administrator. */
function readableOrganization(context: OrganizationsCallContext): OrganizationRecord {
    const organization = callersOrganization(context);
    if (!context.organizations.mayReadStructure(organization, context.caller.accountId)) {
        throw new ApiError("AccessDeniedException", "You don't have permissions to access this resource.");
    }
    return organization;
}

function requirePattern(valid: boolean): void {
    if (!valid) {
        throw invalidInput("INVALID_PATTERN", "You provided a value that does not match the required pattern.");
    }
}

/** The parent a listing names: of the right form, and the root or an OU of the organization. */
function requireParent(context: OrganizationsCallContext, organization: OrganizationRecord, parentId: string): void {
    requirePattern(isParentId(parentId));
    if (!context.organizations.isParent(organization, parentId)) {
        throw new ApiError(
            "ParentNotFoundException",
            "We can't find a root or OU with the ParentId that you specified.",
        );
    }
}

/**
 * One page of `items`: at most what `MaxResults` asks (1 to 20) and the seeded page size; a
 * `NextToken` continues only the listing it came from (the same operation, caller and parent).
 */
function page<T>(
    items: T[],
    operation: OrganizationsOperationName,
    input: { NextToken?: string; MaxResults?: number; ParentId?: string },
    { caller, store }: OrganizationsCallContext,
): Page<T> {
    const { MaxResults: maxResults } = input;
    if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < MAX_RESULTS.min)) {
        throw invalidInput("MIN_VALUE_EXCEEDED", `MaxResults must be at least ${MAX_RESULTS.min}.`);
    }
    if (maxResults !== undefined && maxResults > MAX_RESULTS.max) {
        throw invalidInput("MAX_VALUE_EXCEEDED", `MaxResults must be at most ${MAX_RESULTS.max}.`);
    }
    const size = Math.min(maxResults ?? DEFAULT_MAX_RESULTS, store.pageSize ?? DEFAULT_MAX_RESULTS);
    const listing = canonicalJson([operation, caller.accountId, input.ParentId ?? null]);
    return paginate(items, listing, size, input.NextToken, () =>
        invalidInput(
            "INVALID_NEXT_TOKEN",
            "You specified an invalid value for nextToken. " +
                "You must get the value from the response to a previous call to the API.",
        ),
    );
}

function describeOrganization(_input: object, context: OrganizationsCallContext): DescribeOrganizationResponse {
    return { Organization: context.organizations.describeOrganization(callersOrganization(context)) };
}

function listRoots(input: ListRootsRequest, context: OrganizationsCallContext): ListRootsResponse {
    const organization = readableOrganization(context);
    const { items, nextToken } = page([context.organizations.describeRoot(organization)], "ListRoots", input, context);
    return { Roots: items, NextToken: nextToken };
}

function listAccounts(input: ListAccountsRequest, context: OrganizationsCallContext): ListAccountsResponse {
    const organization = readableOrganization(context);
    const { items, nextToken } = page(organization.accounts, "ListAccounts", input, context);
    return { Accounts: items.map((a) => context.organizations.describeAccount(organization, a)), NextToken: nextToken };
}

function listAccountsForParent(
    input: Checked<ListAccountsForParentRequest, "ParentId">,
    context: OrganizationsCallContext,
): ListAccountsForParentResponse {
    const organization = readableOrganization(context);
    requireParent(context, organization, input.ParentId);
    const children = organization.accounts.filter((a) => a.parentId === input.ParentId);
    const { items, nextToken } = page(children, "ListAccountsForParent", input, context);
    return { Accounts: items.map((a) => context.organizations.describeAccount(organization, a)), NextToken: nextToken };
}

function listOrganizationalUnitsForParent(
    input: Checked<ListOrganizationalUnitsForParentRequest, "ParentId">,
    context: OrganizationsCallContext,
): ListOrganizationalUnitsForParentResponse {
    const organization = readableOrganization(context);
    requireParent(context, organization, input.ParentId);
    const children = organization.organizationalUnits.filter((ou) => ou.parentId === input.ParentId);
    const { items, nextToken } = page(children, "ListOrganizationalUnitsForParent", input, context);
    return {
        OrganizationalUnits: items.map((ou) => context.organizations.describeOrganizationalUnit(organization, ou)),
        NextToken: nextToken,
    };
}

function describeOrganizationalUnit(
    input: Checked<DescribeOrganizationalUnitRequest, "OrganizationalUnitId">,
    context: OrganizationsCallContext,
): DescribeOrganizationalUnitResponse {
    const organization = readableOrganization(context);
    requirePattern(ORGANIZATIONAL_UNIT_ID_PATTERN.test(input.OrganizationalUnitId));
    const ou = organization.organizationalUnits.find((unit) => unit.id === input.OrganizationalUnitId);
    if (!ou) {
        throw new ApiError(
            "OrganizationalUnitNotFoundException",
            "We can't find an OU with the OrganizationalUnitId that you specified.",
        );
    }
    return { OrganizationalUnit: context.organizations.describeOrganizationalUnit(organization, ou) };
}

function describeAccount(
    input: Checked<DescribeAccountRequest, "AccountId">,
    context: OrganizationsCallContext,
): DescribeAccountResponse {
    const organization = readableOrganization(context);
    requirePattern(isAccountId(input.AccountId));
    const account = organization.accounts.find((a) => a.id === input.AccountId);
    if (!account) {
        throw new ApiError("AccountNotFoundException", "You specified an account that doesn't exist.");
    }
    return { Account: context.organizations.describeAccount(organization, account) };
}

/** Every served Organizations operation; the input has been checked against the operation's model. */
export const ORGANIZATIONS_OPERATIONS_BY_NAME: Record<
    OrganizationsOperationName,
    (input: never, context: OrganizationsCallContext) => object
> = {
    DescribeOrganization: describeOrganization,
    ListRoots: listRoots,
    ListAccounts: listAccounts,
    ListAccountsForParent: listAccountsForParent,
    ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
    DescribeOrganizationalUnit: describeOrganizationalUnit,
    DescribeAccount: describeAccount,
};

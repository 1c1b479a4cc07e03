/**
 * What a failed AWS Organizations read means, in a message that names what could not be read,
 * through which credentials, and what to do. Errors are told apart by their `name`, as the SDK
 * identifies its typed exceptions (see ../ram/errors.ts).
 */
import {
    AccessDeniedException,
    AWSOrganizationsNotInUseException,
    TooManyRequestsException,
} from "@aws-sdk/client-organizations";
import { errorName, ROLE_ASSUMPTION_ERROR } from "../ram/errors";

/** The reads an allow list needs: what the message asks the role's permissions to grant. */
const READ_ACTIONS = [
    "organizations:DescribeOrganization",
    "ListRoots",
    "ListOrganizationalUnitsForParent",
    "ListAccountsForParent",
    "ListAccounts",
];

/** Told apart by its name, like the SDK's errors. */
export const ORGANIZATION_READ_ERROR = "OrganizationReadError";

/** An allow list that could not be resolved; its message is the whole explanation. */
export class OrganizationReadError extends Error {
    constructor(message: string, cause?: unknown) {
        super(message, { cause });
        this.name = ORGANIZATION_READ_ERROR;
    }
}

/**
 * The message for `error`, met reading `what` (e.g. "the accounts of OU ou-…") through `through`
 * (e.g. "role arn:…", "the provider's credentials").
 */
export function describeOrganizationsError(error: unknown, what: string, through: string): string {
    const name = errorName(error) ?? "Error";
    const detail = error instanceof Error && error.message ? `${name}: ${error.message}` : name;
    switch (name) {
        case AccessDeniedException.name:
            return (
                `${through} may not read ${what} (${detail}). Reading an allow list needs ` +
                `${READ_ACTIONS.join(", ")}, which the organization's management account and its delegated ` +
                `administrators have: give organizationRoleArn a role in one of them that allows these reads.`
            );
        case AWSOrganizationsNotInUseException.name:
            return (
                `the account of ${through} is not in an AWS Organization, so ${what} cannot be read (${detail}). ` +
                `Give organizationRoleArn a role in the organization's management account or a delegated ` +
                `administrator, or name the senders in allowedSenderAccountIds instead.`
            );
        case TooManyRequestsException.name:
            return (
                `AWS Organizations throttled the reads of ${what} past the SDK's retries (${detail}). Run again ` +
                `later, or allow more attempts with AWS_MAX_ATTEMPTS.`
            );
        case ROLE_ASSUMPTION_ERROR:
            return (
                `could not assume the role to read ${what} through, ${through} (${detail}). Check that its trust ` +
                `policy allows the provider's credentials, and organizationExternalId.`
            );
        default:
            return `could not read ${what} through ${through} (${detail}). Check the credentials and run again.`;
    }
}

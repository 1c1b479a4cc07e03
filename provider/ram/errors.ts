/**
 * What an error of a call to AWS means for the library: the one module that knows error codes
 * (test/unit/ram/error-code-literals.test.ts holds every other file of provider/ to that). RAM's
 * and STS's errors are told apart by the name of the exception class the SDK exports for them, as
 * the SDK identifies its typed exceptions (its own `instanceof` falls back to that name), never by
 * message text. The name, not `instanceof`: an error RAM answers that its model does not declare
 * (STS's ExpiredTokenException met through a RAM client, say) is the SDK's RAMServiceException
 * under that name, which no exported class claims. What a user reads of each is messages.ts's.
 */
import {
    IdempotentParameterMismatchException,
    InvalidClientTokenException,
    MalformedArnException,
    OperationNotPermittedException,
    ResourceShareInvitationAlreadyAcceptedException,
    ResourceShareInvitationAlreadyRejectedException,
    ResourceShareInvitationArnNotFoundException,
    ResourceShareInvitationExpiredException,
    ServerInternalException,
    ServiceUnavailableException,
    ThrottlingException,
    UnknownResourceException,
} from "@aws-sdk/client-ram";
import { ExpiredTokenException } from "@aws-sdk/client-sts";
import { CredentialsProviderError } from "@smithy/core/config";
import { ACCOUNT_NOT_ALLOWED_ERROR } from "./allowed-accounts";

/**
 * What RAM's answer means, in the library's own words (messages.ts says each to the user):
 * - `already-accepted`, `already-rejected`, `expired`: the invitation was answered (or left to
 *   expire) before this call.
 * - `arn-not-found`: RAM shows no such invitation to the calling account; `malformed-arn`: RAM
 *   refused the ARN itself.
 * - `not-permitted`: RAM does not permit the answer (a share within an AWS Organization).
 * - `token-reused`: the client token was sent before with other parameters; `token-invalid`: RAM
 *   refused the token itself.
 * - `credentials-refused`: AWS did not accept the credentials; `credentials-expired` is the case of
 *   temporary credentials past their expiry (a role's, which role-access.ts renews once).
 * - `access-denied`: the credentials' principal may not call the operation.
 * - `unknown-resource`: the share (or other resource) a call names does not exist for the caller.
 * - `transient`: an error the SDK retries (throttling, RAM's server errors, timeouts); one that
 *   reaches the library has outlasted the SDK's retries.
 */
export type RamProblem =
    | "already-accepted"
    | "already-rejected"
    | "expired"
    | "arn-not-found"
    | "malformed-arn"
    | "not-permitted"
    | "token-reused"
    | "token-invalid"
    | "credentials-refused"
    | "credentials-expired"
    | "access-denied"
    | "unknown-resource"
    | "transient";

/** What RAM's error means (see {@link RamProblem}); undefined for one the library has no meaning for. */
export function problemOf(error: unknown): RamProblem | undefined {
    const name = errorName(error);
    return name === undefined ? undefined : errorNamesByProblem().find(([, names]) => names.includes(name))?.[0];
}

/** Each problem with the names of the errors that mean it (a function: see provider-module-scope.test.ts). */
function errorNamesByProblem(): [RamProblem, string[]][] {
    return [
        ["already-accepted", [ResourceShareInvitationAlreadyAcceptedException.name]],
        ["already-rejected", [ResourceShareInvitationAlreadyRejectedException.name]],
        ["expired", [ResourceShareInvitationExpiredException.name]],
        ["arn-not-found", [ResourceShareInvitationArnNotFoundException.name]],
        ["malformed-arn", [MalformedArnException.name]],
        ["not-permitted", [OperationNotPermittedException.name]],
        ["token-reused", [IdempotentParameterMismatchException.name]],
        ["token-invalid", [InvalidClientTokenException.name]],
        ["credentials-expired", [ExpiredTokenException.name]],
        // AWS's common errors, which RAM's model does not declare (so the SDK exports no class for them).
        ["credentials-refused", ["UnrecognizedClientException", "InvalidSignatureException"]],
        ["access-denied", ["AccessDeniedException"]],
        ["unknown-resource", [UnknownResourceException.name]],
        // Throttling, RAM's server errors, and the names the SDK gives a request that timed out.
        [
            "transient",
            [
                ThrottlingException.name,
                ServerInternalException.name,
                ServiceUnavailableException.name,
                "TimeoutError",
                "RequestTimeout",
            ],
        ],
    ];
}

/**
 * What a failed RejectResourceShareInvitation call means:
 * - `adopt`: the invitation is already rejected, which is the desired state.
 * - `expired`: nothing is left to reject; succeed with a warning.
 * - `fail`: the rejection cannot happen; messages.ts's describeRamError says why and what to do.
 */
export type RejectErrorOutcome = "adopt" | "expired" | "fail";

/** Decides what a failed RejectResourceShareInvitation call means; see {@link RejectErrorOutcome}. */
export function classifyRejectError(error: unknown): RejectErrorOutcome {
    switch (problemOf(error)) {
        case "already-rejected":
            return "adopt";
        case "expired":
            return "expired";
        default:
            return "fail";
    }
}

/**
 * Why a call never reached RAM's answer, each with what its message needs:
 * - `account-not-allowed`: the provider's allowedAccountIds refused the account (its message says so).
 * - `role-refused`: STS refused to let the caller assume the role; `role-without-credentials`: no
 *   credentials were found to assume it with.
 * - `no-credentials`: the credential chain found none, so nothing was sent.
 * - `connection-failed`: the connection failed, or was cut, after the SDK's retries.
 */
export type LocalFailure =
    | { kind: "account-not-allowed"; message: string }
    | { kind: "role-refused"; roleArn: string; message: string }
    | { kind: "role-without-credentials"; roleArn: string; detail: string }
    | { kind: "no-credentials"; detail: string }
    | { kind: "connection-failed"; code: string; message: string };

/** Why the call never reached RAM's answer (see {@link LocalFailure}); undefined for an error RAM answered. */
export function localFailureOf(error: unknown): LocalFailure | undefined {
    switch (errorName(error)) {
        case ACCOUNT_NOT_ALLOWED_ERROR:
            return { kind: "account-not-allowed", message: (error as Error).message };
        case ROLE_ASSUMPTION_ERROR: {
            const { roleArn, cause, message } = error as Error & { roleArn: string };
            return isNoCredentials(cause)
                ? { kind: "role-without-credentials", roleArn, detail: (cause as Error).message }
                : { kind: "role-refused", roleArn, message };
        }
        case CredentialsProviderError.name:
            return { kind: "no-credentials", detail: (error as Error).message };
    }
    const code = connectionErrorCode(error);
    return code === undefined ? undefined : { kind: "connection-failed", code, message: (error as Error).message };
}

function isNoCredentials(error: unknown): boolean {
    return errorName(error) === CredentialsProviderError.name;
}

/** Node.js socket error codes of a connection that failed or was cut before RAM's answer arrived. */
const CONNECTION_ERROR_CODES: readonly string[] = [
    "ECONNRESET",
    "ECONNREFUSED",
    "ECONNABORTED",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN",
];

function connectionErrorCode(error: unknown): string | undefined {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    return typeof code === "string" && CONNECTION_ERROR_CODES.includes(code) ? code : undefined;
}

/** Errors made in this process, before or instead of a request: their own message says what to do. */
export function isLocalRefusal(error: unknown): boolean {
    const name = errorName(error);
    return name === ROLE_ASSUMPTION_ERROR || name === ACCOUNT_NOT_ALLOWED_ERROR;
}

/** The name of role-access.ts's RoleAssumptionError (told apart by name, like the SDK's errors). */
export const ROLE_ASSUMPTION_ERROR = "RoleAssumptionError" as const;

/** The SDK's error name (`err.name`), or undefined for values that are not errors. */
export function errorName(error: unknown): string | undefined {
    return error instanceof Error ? error.name : undefined;
}

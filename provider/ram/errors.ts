/**
 * What an error from RejectResourceShareInvitation means for the resource, and the message a
 * user sees when it fails. Errors are told apart by their `name`, as the AWS SDK identifies its
 * typed exceptions, never by message text.
 */
import { ACCOUNT_NOT_ALLOWED_ERROR } from "./allowed-accounts";

/** Where a call ran: named in every message so that a user can tell which credentials to fix. */
export interface CallContext {
    /** The invitation the call was about; empty for a listing. */
    invitationArn: string;
    region: string;
    /** The account of the credentials in use, when it could be found out. */
    accountId?: string;
    /** The AWS profile in use, when one was configured. */
    profile?: string;
    /** The role the call ran as, when one was given. */
    roleArn?: string;
    /** With a role: the identity that assumed it (what the role's trust policy must allow), when known. */
    callerArn?: string;
}

/**
 * What a failed RejectResourceShareInvitation call means:
 * - `adopt`: the invitation is already rejected, which is the desired state.
 * - `expired`: nothing is left to reject; succeed with a warning.
 * - `fail`: the rejection cannot happen; {@link describeRamError} says why and what to do.
 */
export type RejectErrorOutcome = "adopt" | "expired" | "fail";

/** The RAM error names that RejectResourceShareInvitation is documented to return. */
export const REJECT_ERROR_NAMES = [
    "IdempotentParameterMismatchException",
    "InvalidClientTokenException",
    "MalformedArnException",
    "OperationNotPermittedException",
    "ResourceShareInvitationAlreadyAcceptedException",
    "ResourceShareInvitationAlreadyRejectedException",
    "ResourceShareInvitationArnNotFoundException",
    "ResourceShareInvitationExpiredException",
    "ServerInternalException",
    "ServiceUnavailableException",
] as const;

/** Decides what a failed RejectResourceShareInvitation call means; see {@link RejectErrorOutcome}. */
export function classifyRejectError(error: unknown): RejectErrorOutcome {
    switch (errorName(error)) {
        case "ResourceShareInvitationAlreadyRejectedException":
            return "adopt";
        case "ResourceShareInvitationExpiredException":
            return "expired";
        default:
            return "fail";
    }
}

/**
 * A message for any error of a RAM call about one invitation: what happened, for which
 * invitation, in which account and region, and what the user can do about it.
 */
export function describeRamError(error: unknown, context: CallContext, action: Action): string {
    const localFailure = describeLocalFailure(error, context, action);
    if (localFailure !== undefined) {
        return `Could not ${action} ${subjectOf(action, context)} (region ${context.region}): ${localFailure}`;
    }
    return describeRamProblem(
        errorName(error),
        error instanceof Error ? error.message : String(error),
        context,
        action,
    );
}

/**
 * What the message is about: answering the invitation, looking it up, listing every invitation, or
 * leaving the share (then `context.invitationArn` names the share).
 */
export type Action = "reject" | "accept" | "look up" | "list" | "leave";

function subjectOf(action: Action, context: CallContext): string {
    if (action === "list") {
        return "the invitations";
    }
    return action === "leave" ? `share ${context.invitationArn}` : `invitation ${context.invitationArn}`;
}

/** The message for a RAM error known by name (also used when a lookup shows the same condition). */
export function describeRamProblem(
    name: string | undefined,
    detail: string,
    context: CallContext,
    action: Action,
): string {
    const where = `${describeAccount(context)} in region ${context.region}`;
    const subject = `Could not ${action} ${subjectOf(action, context)} (${where})`;
    const advice =
        (action === "accept" ? ACCEPT_ADVICE[name as keyof typeof ACCEPT_ADVICE] : undefined) ??
        ADVICE[name as keyof typeof ADVICE];
    if (advice) {
        return `${subject}: ${advice(context, action)}`;
    }
    if (isRetryableName(name)) {
        return `${subject}: RAM kept failing with ${name} after the SDK's retries (${detail}). ${retryAdvice(action)}`;
    }
    return `${subject}: ${name ? `${name}: ` : ""}${detail}`;
}

/**
 * The message for an error of a call that never reached RAM's answer: no credentials were found
 * (nothing was sent), or the connection failed after the SDK's retries. Undefined for an error RAM
 * answered, which {@link describeRamProblem} explains.
 */
function describeLocalFailure(error: unknown, context: CallContext, action: Action): string | undefined {
    if (errorName(error) === ACCOUNT_NOT_ALLOWED_ERROR) {
        return (error as Error).message;
    }
    if (errorName(error) === ROLE_ASSUMPTION_ERROR) {
        return roleAssumptionAdvice(error as Error & { roleArn: string; cause?: unknown }, context);
    }
    if (errorName(error) === NO_CREDENTIALS_ERROR) {
        return noCredentialsAdvice(context, error instanceof Error ? error.message : String(error));
    }
    const code = connectionErrorCode(error);
    if (code !== undefined) {
        return (
            `the connection to RAM in region ${context.region} failed (${code}: ${(error as Error).message}) ` +
            `after the SDK's retries. Check the network path to the RAM endpoint (and AWS_ENDPOINT_URL_RAM or ` +
            `AWS_ENDPOINT_URL, if set). ${retryAdvice(action)}`
        );
    }
    return undefined;
}

/**
 * Why a lookup in `check` failed, for the warning that the invitation was validated offline only:
 * the same words as the update's error where there is advice, else the SDK's own summary.
 */
export function describeLookupFailure(error: unknown, context: CallContext): string {
    return (
        describeLocalFailure(error, context, "look up") ??
        (error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    );
}

function retryAdvice(action: Action): string {
    const twice = { reject: "rejects", accept: "accepts", leave: "leaves" }[action as "reject" | "accept" | "leave"];
    return twice
        ? `Run the update again: the request carries the same client token, so a retry never ${twice} twice.`
        : "Run the update again: a lookup changes nothing, so a retry is safe.";
}

/** The message when RAM shows no invitation for a share to the calling account, even after waiting. */
export function describeMissingShareInvitation(
    resourceShareArn: string,
    context: CallContext,
    waitedSeconds: number,
): string {
    return (
        `No invitation for share ${resourceShareArn} is visible to ${describeAccount(context)} ` +
        `in region ${context.region}, after waiting ${waitedSeconds} s. Check that the share names this account as ` +
        `a principal and that the credentials belong to it; RAM can take a while to show a new invitation ` +
        `(raise invitationWaitSeconds to wait longer).`
    );
}

const CREDENTIALS_ADVICE = (context: CallContext) =>
    `AWS refused the credentials. Provide valid credentials for the receiving account through the ` +
    `standard AWS chain (AWS_PROFILE or the provider's profile, ram-invitations:profile` +
    (context.profile ? `, now "${context.profile}"` : "") +
    `, environment variables, SSO, or an instance/container role).`;

const ADVICE = {
    ResourceShareInvitationAlreadyAcceptedException: (context: CallContext) =>
        `it was already accepted, and an accepted invitation can no longer be rejected. To leave the share, ` +
        `run "aws ram disassociate-resource-share --region ${context.region} --resource-share-arn <share ARN> ` +
        `--principals ${context.accountId ?? "<your account id>"}" with the receiving account's credentials, ` +
        `or ask the sender to remove your account; then delete this resource from the program.`,
    ResourceShareInvitationArnNotFoundException: (context: CallContext) =>
        `RAM does not show this invitation to ${describeAccount(context)}. Check that the ARN is right, that ` +
        `its region is the one the share was created in, and that the credentials belong to the account the ` +
        `invitation was sent to (invitations are visible to their receiver only).`,
    MalformedArnException: () =>
        `RAM refused the ARN as malformed. Copy the invitation ARN exactly as ` +
        `"aws ram get-resource-share-invitations" prints it.`,
    OperationNotPermittedException: () =>
        `RAM does not permit rejecting it. Invitations from within your AWS Organization cannot be ` +
        `rejected when sharing with AWS Organizations is enabled; remove this resource from the program.`,
    IdempotentParameterMismatchException: () =>
        `RAM has already seen this resource's client token with different parameters. The token is ` +
        `derived from the resource's URN and the invitation ARN, so another program or a hand-edited state ` +
        `has used it. Give the resource a new name (or remove its clientToken from state) so a new token is derived.`,
    InvalidClientTokenException: () =>
        `RAM refused the client token as invalid. This is a defect of pulumi-ram-invitations; please report ` +
        `it with the token from the resource's state.`,
    UnrecognizedClientException: CREDENTIALS_ADVICE,
    InvalidSignatureException: CREDENTIALS_ADVICE,
    ExpiredTokenException: CREDENTIALS_ADVICE,
    AccessDeniedException: (context: CallContext, action: Action) =>
        `access was denied. Allow the receiving account's principal the actions ${permissionsFor(action)}` +
        (context.invitationArn ? ` on ${context.invitationArn}.` : ` on its invitations (resource "*").`),
};

/** Where accepting means something else than rejecting: the other answer, and what comes after. */
const ACCEPT_ADVICE = {
    ResourceShareInvitationAlreadyRejectedException: (context: CallContext) =>
        `it was already rejected, and a rejected invitation can no longer be accepted. Ask the sender to ` +
        `share again with ${context.accountId ?? "your account"} (a new invitation), then select the new ` +
        `invitation (or give the share's ARN as resourceShareArn).`,
    ResourceShareInvitationExpiredException: (context: CallContext) =>
        `it expired (nobody answered it within seven days), so it can no longer be accepted. Ask the sender to ` +
        `share again with ${context.accountId ?? "your account"}, then select the new invitation.`,
    OperationNotPermittedException: () =>
        `RAM does not permit accepting it. Shares from within your AWS Organization need no acceptance when ` +
        `sharing with AWS Organizations is enabled; remove this resource from the program.`,
};

/** The IAM actions a principal needs for an action. */
function permissionsFor(action: Action): string {
    const needed: Record<Action, string> = {
        reject: "ram:GetResourceShareInvitations and ram:RejectResourceShareInvitation",
        accept:
            "ram:GetResourceShareInvitations, ram:AcceptResourceShareInvitation, ram:GetResourceShares, " +
            "ram:ListResources and ram:ListPendingInvitationResources",
        "look up": "ram:GetResourceShareInvitations",
        list: "ram:GetResourceShareInvitations",
        leave: "ram:DisassociateResourceShare",
    };
    return needed[action];
}

// Plain arrays, not Sets: a module imported by path is serialized by value into the provider, and a
// Set or Map arrives there as a plain object (test/unit/provider-module-scope.test.ts enforces it).
const RETRYABLE_NAMES: readonly string[] = [
    "ThrottlingException",
    "ServerInternalException",
    "ServiceUnavailableException",
    "TimeoutError",
    "RequestTimeout",
];

function isRetryableName(name: string | undefined): boolean {
    return name !== undefined && RETRYABLE_NAMES.includes(name);
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
    return [ROLE_ASSUMPTION_ERROR, ACCOUNT_NOT_ALLOWED_ERROR].includes(errorName(error) ?? "");
}

/** The name of provider/ram/role-access.ts's RoleAssumptionError (told apart by name, like the SDK's errors). */
const ROLE_ASSUMPTION_ERROR = "RoleAssumptionError";

function roleAssumptionAdvice(error: Error & { roleArn: string; cause?: unknown }, context: CallContext): string {
    // Without base credentials the chain's own message says where to put them.
    if (errorName(error.cause) === NO_CREDENTIALS_ERROR) {
        const detail = (error.cause as Error).message;
        return `could not assume role ${error.roleArn}: ${noCredentialsAdvice(context, detail)}`;
    }
    const caller = context.callerArn ?? "the identity of the current credentials";
    return (
        `AWS refused to let ${caller} assume role ${error.roleArn} (${error.message}). Allow that identity ` +
        `(or its account) in the role's trust policy (sts:AssumeRole), check that the role exists, and pass ` +
        `the external id the trust policy requires (externalId), if any.`
    );
}

/** The name the AWS SDK gives the error of a credential chain that found nothing (no request is sent). */
const NO_CREDENTIALS_ERROR = "CredentialsProviderError";

function noCredentialsAdvice(context: CallContext, detail: string): string {
    const profile = context.profile
        ? `the profile "${context.profile}" (the provider's profile setting)`
        : 'AWS_PROFILE\'s profile (or "default")';
    return (
        `no AWS credentials were found, so no request was sent (${detail}). The AWS SDK's default chain looked, in ` +
        `order, at: the variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; ${profile} in the shared config and ` +
        `credentials files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, by default ~/.aws/config and ` +
        `~/.aws/credentials), SSO and role profiles included; a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE with ` +
        `AWS_ROLE_ARN); the container credentials endpoint; and the EC2 instance metadata service. Provide ` +
        `credentials of the receiving account through one of these, e.g. "aws sso login --profile <name>" and ` +
        `"pulumi config set ram-invitations:profile <name>" (or an explicit provider's profile), or OIDC-federated ` +
        `variables in a pipeline.`
    );
}

/** Which account acted (and through which role or profile), as every message names it. */
export function describeAccount(context: CallContext): string {
    const profile = context.profile ? `profile "${context.profile}"` : undefined;
    if (context.roleArn) {
        const through = [`role ${context.roleArn}`, profile].filter(Boolean).join(", ");
        return context.accountId ? `account ${context.accountId} (${through})` : `the account of ${through}`;
    }
    const suffix = profile ? ` (${profile})` : "";
    return context.accountId
        ? `account ${context.accountId}${suffix}`
        : `the account of the current credentials${suffix}`;
}

/** The SDK's error name (`err.name`), or undefined for values that are not errors. */
export function errorName(error: unknown): string | undefined {
    return error instanceof Error ? error.name : undefined;
}

/**
 * The words a user reads when a call to AWS fails: what happened, for which invitation, in which
 * account and region, and what the user can do about it. What each error means is errors.ts's;
 * this module only says it.
 */
import { LocalFailure, localFailureOf, problemOf, RamProblem } from "./errors";

/** Where a call ran: named in every message so that a user can tell which credentials to fix. */
export interface CallContext {
    /** The invitation the call was about (the share, when leaving it); empty for a listing. */
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
 * What a call was for, as its message says it: answering the invitation, looking it up, listing
 * every invitation, or leaving the share (then `context.invitationArn` names the share).
 */
export type RamOperation = "reject" | "accept" | "look up" | "list" | "leave";

/** A message for any error of a RAM call, made for `operation` where `context` says. */
export function describeRamError(error: unknown, context: CallContext, operation: RamOperation): string {
    const localFailure = localFailureOf(error);
    if (localFailure !== undefined) {
        return (
            `Could not ${operation} ${subjectOf(operation, context)} (region ${context.region}): ` +
            describeLocalFailure(localFailure, context, operation)
        );
    }
    const name = error instanceof Error ? error.name : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    const subject = subjectLine(context, operation);
    const problem = problemOf(error);
    const advice = problem && adviceFor(problem, operation);
    if (advice) {
        return `${subject}: ${advice(context, operation)}`;
    }
    if (problem === "transient") {
        return (
            `${subject}: RAM kept failing with ${name} after the SDK's retries (${detail}). ` + retryAdvice(operation)
        );
    }
    return `${subject}: ${name ? `${name}: ` : ""}${detail}`;
}

/**
 * The message for a condition a lookup shows (an invitation RAM does not return, or one already
 * answered), in the words of the error the call itself would meet.
 */
export function describeRamProblem(
    problem: "arn-not-found" | "already-accepted" | "already-rejected" | "expired",
    context: CallContext,
    operation: RamOperation,
): string {
    const advice = adviceFor(problem, operation);
    return `${subjectLine(context, operation)}: ${advice ? advice(context, operation) : problem}`;
}

function subjectLine(context: CallContext, operation: RamOperation): string {
    const where = `${describeAccount(context)} in region ${context.region}`;
    return `Could not ${operation} ${subjectOf(operation, context)} (${where})`;
}

function subjectOf(operation: RamOperation, context: CallContext): string {
    if (operation === "list") {
        return "the invitations";
    }
    return operation === "leave" ? `share ${context.invitationArn}` : `invitation ${context.invitationArn}`;
}

type Advice = (context: CallContext, operation: RamOperation) => string;

function adviceFor(problem: RamProblem, operation: RamOperation): Advice | undefined {
    return (
        (operation === "accept" ? ACCEPT_ADVICE[problem as keyof typeof ACCEPT_ADVICE] : undefined) ??
        ADVICE[problem as keyof typeof ADVICE]
    );
}

/**
 * The message for an error of a call that never reached RAM's answer: no credentials were found
 * (nothing was sent), or the connection failed after the SDK's retries.
 */
function describeLocalFailure(failure: LocalFailure, context: CallContext, operation: RamOperation): string {
    switch (failure.kind) {
        case "account-not-allowed":
            return failure.message;
        case "role-without-credentials":
            // Without base credentials the chain's own message says where to put them.
            return `could not assume role ${failure.roleArn}: ${noCredentialsAdvice(context, failure.detail)}`;
        case "role-refused":
            return roleRefusedAdvice(failure.roleArn, failure.message, context);
        case "no-credentials":
            return noCredentialsAdvice(context, failure.detail);
        case "connection-failed":
            return (
                `the connection to RAM in region ${context.region} failed (${failure.code}: ${failure.message}) ` +
                `after the SDK's retries. Check the network path to the RAM endpoint (and AWS_ENDPOINT_URL_RAM or ` +
                `AWS_ENDPOINT_URL, if set). ${retryAdvice(operation)}`
            );
    }
}

/**
 * Why a lookup in `check` failed, for the warning that the invitation was validated offline only:
 * the same words as the update's error where there is advice, else the SDK's own summary.
 */
export function describeLookupFailure(error: unknown, context: CallContext): string {
    const localFailure = localFailureOf(error);
    if (localFailure !== undefined) {
        return describeLocalFailure(localFailure, context, "look up");
    }
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function retryAdvice(operation: RamOperation): string {
    const twice = { reject: "rejects", accept: "accepts", leave: "leaves" }[operation as "reject" | "accept" | "leave"];
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
    "already-accepted": (context: CallContext) =>
        `it was already accepted, and an accepted invitation can no longer be rejected. To leave the share, ` +
        `run "aws ram disassociate-resource-share --region ${context.region} --resource-share-arn <share ARN> ` +
        `--principals ${context.accountId ?? "<your account id>"}" with the receiving account's credentials, ` +
        `or ask the sender to remove your account; then delete this resource from the program.`,
    "arn-not-found": (context: CallContext) =>
        `RAM does not show this invitation to ${describeAccount(context)}. Check that the ARN is right, that ` +
        `its region is the one the share was created in, and that the credentials belong to the account the ` +
        `invitation was sent to (invitations are visible to their receiver only).`,
    "malformed-arn": () =>
        `RAM refused the ARN as malformed. Copy the invitation ARN exactly as ` +
        `"aws ram get-resource-share-invitations" prints it.`,
    "not-permitted": () =>
        `RAM does not permit rejecting it. Invitations from within your AWS Organization cannot be ` +
        `rejected when sharing with AWS Organizations is enabled; remove this resource from the program.`,
    "token-reused": () =>
        `RAM has already seen this resource's client token with different parameters. The token is ` +
        `derived from the resource's URN and the invitation ARN, so another program or a hand-edited state ` +
        `has used it. Give the resource a new name (or remove its clientToken from state) so a new token is derived.`,
    "token-invalid": () =>
        `RAM refused the client token as invalid. This is a defect of pulumi-ram-invitations; please report ` +
        `it with the token from the resource's state.`,
    "credentials-refused": CREDENTIALS_ADVICE,
    "credentials-expired": CREDENTIALS_ADVICE,
    "access-denied": (context: CallContext, operation: RamOperation) =>
        `access was denied. Allow the receiving account's principal the actions ${permissionsFor(operation)}` +
        (context.invitationArn ? ` on ${context.invitationArn}.` : ` on its invitations (resource "*").`),
};

/** Where accepting means something else than rejecting: the other answer, and what comes after. */
const ACCEPT_ADVICE = {
    "already-rejected": (context: CallContext) =>
        `it was already rejected, and a rejected invitation can no longer be accepted. Ask the sender to ` +
        `share again with ${context.accountId ?? "your account"} (a new invitation), then select the new ` +
        `invitation (or give the share's ARN as resourceShareArn).`,
    expired: (context: CallContext) =>
        `it expired (nobody answered it within seven days), so it can no longer be accepted. Ask the sender to ` +
        `share again with ${context.accountId ?? "your account"}, then select the new invitation.`,
    "not-permitted": () =>
        `RAM does not permit accepting it. Shares from within your AWS Organization need no acceptance when ` +
        `sharing with AWS Organizations is enabled; remove this resource from the program.`,
};

/** The IAM actions a principal needs for an operation. */
function permissionsFor(operation: RamOperation): string {
    const needed: Record<RamOperation, string> = {
        reject: "ram:GetResourceShareInvitations and ram:RejectResourceShareInvitation",
        accept:
            "ram:GetResourceShareInvitations, ram:AcceptResourceShareInvitation, ram:GetResourceShares, " +
            "ram:ListResources and ram:ListPendingInvitationResources",
        "look up": "ram:GetResourceShareInvitations",
        list: "ram:GetResourceShareInvitations",
        leave: "ram:DisassociateResourceShare",
    };
    return needed[operation];
}

function roleRefusedAdvice(roleArn: string, message: string, context: CallContext): string {
    const caller = context.callerArn ?? "the identity of the current credentials";
    return (
        `AWS refused to let ${caller} assume role ${roleArn} (${message}). Allow that identity ` +
        `(or its account) in the role's trust policy (sts:AssumeRole), check that the role exists, and pass ` +
        `the external id the trust policy requires (externalId), if any.`
    );
}

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

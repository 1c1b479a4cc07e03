/**
 * Who is calling: the account behind the request's access key (an account's own key, or the
 * temporary credentials of a role session, which act as the role's account), and the region it
 * signed for. Refusals use the names and statuses AWS's front end answers with.
 */
import { ApiError } from "./api-error";
import { parseAuthorization, SignedRequest, verifySignature } from "./sigv4";
import { partitionOf, rootUserArn } from "../model/arns";
import type { Iam, SessionRecord } from "../model/iam";
import type { Store } from "../model/store";

/** An authenticated caller. */
export interface Caller {
    accountId: string;
    /** From the SigV4 credential scope: one endpoint serves every region. */
    region: string;
    /** The role session whose temporary credentials signed the request; absent for an account's own key. */
    session?: SessionRecord;
}

/** Where access keys are known: accounts in the store, sessions in IAM. */
export interface KeyHolders {
    store: Store;
    iam: Iam;
}

/**
 * Reads the caller from the `Authorization` header. `onScope` hears the region as soon as
 * the header names one, so the call log has it even when authentication then fails.
 */
export async function authenticate(
    request: SignedRequest,
    holders: KeyHolders,
    onScope: (region: string) => void,
    service: "ram" | "sts" | "organizations" = "ram",
): Promise<Caller> {
    const auth = parseAuthorization(request.headers["authorization"]?.[0]);
    onScope(auth.region);
    if (auth.service !== service) {
        throw new ApiError(
            "InvalidSignatureException",
            `Credential should be scoped to correct service: '${service}'.`,
        );
    }
    const account = holders.store.accountForAccessKey(auth.accessKeyId);
    if (account) {
        if (account.secretAccessKey !== undefined) {
            await verifySignature(request, auth, account.secretAccessKey);
        }
        return { accountId: account.accountId, region: auth.region };
    }
    const session = holders.iam.session(auth.accessKeyId);
    // Temporary credentials count only with their own session token.
    if (!session || request.headers["x-amz-security-token"]?.[0] !== session.sessionToken) {
        throw new ApiError("UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    if (holders.iam.isExpired(session)) {
        throw new ApiError("ExpiredTokenException", "The security token included in the request is expired");
    }
    await verifySignature(request, auth, session.secretAccessKey);
    return { accountId: session.accountId, region: auth.region, session };
}

/**
 * The caller's ARN as STS names it: the session's assumed-role ARN, or the root user of the
 * account in the partition of the region the request was signed for.
 */
export function callerArn(caller: Caller): string {
    return caller.session?.assumedRoleArn ?? rootUserArn(partitionOf(caller.region), caller.accountId);
}

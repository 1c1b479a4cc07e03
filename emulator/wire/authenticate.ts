/**
 * Who is calling: the account behind the request's access key, and the region it signed for.
 * Refusals use the names and statuses AWS's front end answers with.
 */
import { ApiError } from "./api-error";
import { parseAuthorization, SignedRequest, verifySignature } from "./sigv4";
import type { Store } from "../model/store";

/** An authenticated caller. */
export interface Caller {
    accountId: string;
    /** From the SigV4 credential scope: one endpoint serves every region. */
    region: string;
}

/**
 * Reads the caller from the `Authorization` header. `onScope` hears the region as soon as
 * the header names one, so the call log has it even when authentication then fails.
 */
export function authenticate(
    request: SignedRequest,
    store: Store,
    onScope: (region: string) => void,
    service: "ram" | "sts" = "ram",
): Caller {
    const auth = parseAuthorization(request.headers["authorization"]?.[0]);
    onScope(auth.region);
    if (auth.service !== service) {
        throw new ApiError(
            "InvalidSignatureException",
            `Credential should be scoped to correct service: '${service}'.`,
        );
    }
    const account = store.accountForAccessKey(auth.accessKeyId);
    if (!account) {
        throw new ApiError("UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    if (account.secretAccessKey !== undefined) {
        verifySignature(request, auth, account.secretAccessKey);
    }
    return { accountId: account.accountId, region: auth.region };
}

/**
 * Reaching an account through an IAM role: STS AssumeRole from the standard credential chain (or
 * the provider's profile), with the AWS SDK's own credential provider. One provider per role
 * and process, memoized the way the SDK memoizes its own (refreshed five minutes before the
 * credentials expire), so a long update never fails on an expired session and assumes each role
 * once. Temporary credentials live in the provider process only: never in state or logs.
 */
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { RAMClient } from "@aws-sdk/client-ram";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core";
import { ROLE_ATTEMPTS } from "../defaults";
import type { RoleAccess } from "../inputs/role-inputs";
import { problemOf, ROLE_ASSUMPTION_ERROR } from "./errors";
import { silenceNodeVersionNotice } from "./sdk-notices";

/** The error of an AssumeRole that AWS refused (or that could not be sent); `cause` holds STS's error. */
export interface RoleAssumptionError extends Error {
    readonly name: typeof ROLE_ASSUMPTION_ERROR;
    readonly roleArn: string;
}

/**
 * The error of assuming `roleArn` that failed with `cause`. An Error with fields rather than a
 * subclass, as ram-call-error.ts explains: a subclass of Error rebuilt by Pulumi's closure
 * serializer is no Error, and its message is lost.
 */
export function roleAssumptionError(roleArn: string, cause: unknown): RoleAssumptionError {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return Object.assign(new Error(message, { cause }), { name: ROLE_ASSUMPTION_ERROR, roleArn });
}

/**
 * The credentials of `role`, assumed from the standard chain (or the provider's profile). STS is called in the
 * region of the client that first needs them (its regional endpoint, in the role's partition).
 */
export function roleCredentials(
    role: RoleAccess,
    settings: { profile?: string; endpoints?: { sts?: string } },
): AwsCredentialIdentityProvider {
    silenceNodeVersionNotice();
    const assume = fromTemporaryCredentials({
        params: { RoleArn: role.roleArn, RoleSessionName: role.roleSessionName, ExternalId: role.externalId },
        clientConfig: {
            profile: settings.profile,
            maxAttempts: ROLE_ATTEMPTS,
            ...(settings.endpoints?.sts ? { endpoint: settings.endpoints.sts } : {}),
        },
    });
    const tagged: AwsCredentialIdentityProvider = (properties) =>
        assume(properties).catch((error: unknown) => {
            throw roleAssumptionError(role.roleArn, error);
        });
    const memoized = memoizeIdentityProvider(tagged, isIdentityExpired, doesIdentityRequireRefresh)!;
    // Marked so that each client uses this one cache rather than wrapping it in one of its own.
    return Object.assign(memoized, { memoized: true });
}

/**
 * Makes `client` renew the role's credentials and retry once when AWS calls them expired before
 * their stated expiry (clock skew, a session revoked early): a long update goes on instead of
 * failing. Concurrent calls that meet the same expired credentials renew them once.
 */
export function renewExpiredCredentials(client: RAMClient, credentials: AwsCredentialIdentityProvider): void {
    client.middlewareStack.add(
        (next) => async (args) => {
            // With the client's config, as the SDK passes it: STS is then called in the client's region.
            const properties = { callerClientConfig: client.config };
            const used = await credentials(properties);
            try {
                return await next(args);
            } catch (error) {
                if (problemOf(error) !== "credentials-expired") {
                    throw error;
                }
                if ((await credentials(properties)) === used) {
                    await credentials({ ...properties, forceRefresh: true });
                }
                return next(args);
            }
        },
        { step: "initialize", name: "renewExpiredRoleCredentials" },
    );
}

/** A key for caches that must never mix two ways of reaching AWS (the chain, or each role). */
export function accessKey(role: RoleAccess | undefined): string {
    return role ? JSON.stringify([role.roleArn, role.roleSessionName, role.externalId ?? ""]) : "default credentials";
}

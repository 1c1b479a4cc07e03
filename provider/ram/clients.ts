import { RAMClient } from "@aws-sdk/client-ram";
import { LOOKUP_POLICY, RETRY_POLICY } from "../defaults";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { ServiceEndpoints } from "./provider-config";
import { renewExpiredCredentials } from "./role-access";
import type { RoleAccess } from "../inputs/role-inputs";
import { silenceNodeVersionNotice } from "./sdk-notices";

/** How the provider reaches AWS: the provider's configuration, and the role of the resource, if any. */
export interface AwsSettings {
    /** The provider's profile; when absent the SDK's own chain applies (AWS_PROFILE, env, SSO, roles). */
    profile?: string;
    /** Endpoints that replace AWS's own (else the SDK's standard overrides, e.g. AWS_ENDPOINT_URL_RAM). */
    endpoints?: ServiceEndpoints;
    /** The role to assume from those credentials; calls then run as the role's account. */
    role?: RoleAccess;
}

/**
 * One RAM client per region, created on first use inside the provider process. Clients are
 * never created at program time, so none is captured in the serialized provider, and
 * credentials are resolved by the SDK's standard chain when a call is made. The endpoint follows
 * the SDK's standard overrides (AWS_ENDPOINT_URL_RAM, AWS_ENDPOINT_URL, endpoint_url in the profile).
 */
export class RamClients {
    private readonly clients: Map<string, RAMClient>;

    // Fields are set in the constructor, not by initializers: Pulumi's closure serializer
    // rebuilds a class from its constructor's text and would drop field initializers.
    constructor(
        private readonly settings: AwsSettings,
        /** The role's credentials, when the settings name a role; else the SDK's chain applies. */
        private readonly credentials: AwsCredentialIdentityProvider | undefined,
        /** Awaited before every request in a region: refuses to act where the provider may not. */
        private readonly guard: (region: string) => Promise<void>,
    ) {
        this.clients = new Map();
    }

    /** The client for rejections in `region`. */
    forRegion(region: string): RAMClient {
        return this.client(region, "write", RETRY_POLICY);
    }

    /** The client for lookups in `region`. */
    forLookups(region: string): RAMClient {
        return this.client(region, "lookup", LOOKUP_POLICY);
    }

    private client(region: string, purpose: string, policy: typeof RETRY_POLICY | typeof LOOKUP_POLICY): RAMClient {
        const key = `${purpose} ${region}`;
        let client = this.clients.get(key);
        if (!client) {
            silenceNodeVersionNotice();
            client = new RAMClient({
                region,
                profile: this.settings.profile,
                ...(this.settings.endpoints?.ram ? { endpoint: this.settings.endpoints.ram } : {}),
                ...(this.credentials ? { credentials: this.credentials } : {}),
                ...withStandardRetryOverrides(policy),
            });
            if (this.credentials) {
                renewExpiredCredentials(client, this.credentials);
            }
            const guard = this.guard;
            client.middlewareStack.add(
                (next) => async (args) => {
                    await guard(region);
                    return next(args);
                },
                { step: "initialize", name: "allowedAccountGuard", priority: "high" },
            );
            this.clients.set(key, client);
        }
        return client;
    }
}

/**
 * The policy, less what the user set through the SDK's standard variables AWS_MAX_ATTEMPTS and
 * AWS_RETRY_MODE: a setting given to the client in code would win over them, and a user who sets
 * them expects them to apply, as they do to every other AWS client.
 */
export function withStandardRetryOverrides<P extends { maxAttempts: number; retryMode: string }>(
    policy: P,
): Partial<P> {
    const { maxAttempts, retryMode, ...rest } = policy;
    return {
        ...rest,
        ...(process.env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts }),
        ...(process.env.AWS_RETRY_MODE ? {} : { retryMode }),
    } as Partial<P>;
}

import { PROVIDER_CONFIG } from "../schema/provider-config-properties";
import { propertyNames } from "../schema/property-types";

/**
 * The stack config namespace of this package: `ram-invitations:*`. The provider reads its
 * configuration from it, and `declareFromStackConfig()` its rejections, policy and accounts, in the
 * repository's own project and in a user's alike.
 */
export const CONFIG_NAMESPACE = "ram-invitations";

/**
 * The provider's configuration keys (`ram-invitations:<key>`), read by both shells: the provider
 * plugin (Configure, for the default provider) and the dynamic provider. They share the namespace
 * with the keys `declareFromStackConfig()` reads, which therefore accepts them beside its own.
 */
export function providerConfigKeys(): ProviderConfigKey[] {
    return propertyNames(PROVIDER_CONFIG);
}

/** One of the provider's configuration keys. */
export type ProviderConfigKey = keyof typeof PROVIDER_CONFIG;

/**
 * Keys of the same namespace that a program reads (declareFromStackConfig), not the provider: the
 * default provider is handed them with its own and leaves them alone.
 */
export const PROGRAM_CONFIG_KEYS = ["rejections", "policy", "accounts"] as const;

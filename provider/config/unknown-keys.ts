import { providerConfigKeys } from "../core/provider-config-keys";

/**
 * A problem for each top-level key of `namespace` in `allConfig` (the stack's whole config, keys
 * written `namespace:key`, as `pulumi.runtime.allConfig()` gives it) that neither `reader` nor the
 * provider reads: a typo such as `rejection` for `rejections` would otherwise be ignored, and the
 * rejections it meant to declare (or keep) silently left out. Each names the key and the valid ones.
 */
export function unknownKeyProblems(
    allConfig: Record<string, unknown>,
    namespace: string,
    reader: string,
    keys: readonly string[],
): string[] {
    const prefix = `${namespace}:`;
    const known: readonly string[] = [...keys, ...providerConfigKeys()];
    return Object.keys(allConfig)
        .filter((fullKey) => fullKey.startsWith(prefix) && !known.includes(fullKey.slice(prefix.length)))
        .sort()
        .map(
            (fullKey) =>
                `${fullKey} is not a key that ${reader} or the provider reads; the keys of ${prefix} are ` +
                `${keys.join(", ")} and the provider's ${providerConfigKeys().join(", ")}`,
        );
}

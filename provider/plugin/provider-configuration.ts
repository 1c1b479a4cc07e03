/**
 * The plugin's own configuration calls: CheckConfig, DiffConfig and Configure, for the default
 * provider (`ram-invitations:*` stack config, which the engine hands over without its namespace)
 * and for explicit `pulumi:providers:ram-invitations` resources (their inputs). One parser for
 * both shells (provider/ram/provider-config.ts), so a setting means the same everywhere.
 *
 * The engine hands a plugin only its own namespace: `aws:profile` and `aws:region` never reach it
 * (the dynamic provider, which is handed every namespace, falls back to them). There is no sound way
 * for the plugin to read them (secrets, project-level config and environments are resolved by the
 * engine alone), so everything a plugin user reads names `ram-invitations:profile` and
 * `ram-invitations:region`.
 */
import { PROGRAM_CONFIG_KEYS, providerConfigKeys } from "../core/provider-config-keys";
import { configError, parseProviderConfig } from "../core/provider-config";
import type { ProviderConfig } from "../ram/provider-config";
import { PROVIDER_CONFIG } from "../schema/provider-config-properties";
import { secretNames } from "../schema/property-types";
import { defaultRoleSessionName } from "../inputs/role-inputs";
import type { CheckResult, DiffResult, Properties } from "./server/plugin-provider";
import { stackAndProjectOf } from "./urn";
import { plainProperties, withSecrets } from "./wire-values";

/** Kept secret in state (the provider's inputs are state too), whether or not the program marked it. */
const SECRET_SETTINGS = secretNames(PROVIDER_CONFIG);

/**
 * True for a default provider, whose settings are `ram-invitations:*` stack config (or an engine
 * that names none). The engine names one `default`, then `_<major>_<minor>_<patch>` (and any
 * pre-release and build parts) when the program asked for a version, then `_<download URL as a
 * QName>` when it named one (pkg/resource/deploy/providers/provider.go, DefaultName), as every SDK
 * of this package does: e.g. `default_0_2_0_github_/api.github.com/<owner>/<repo>`.
 */
export function isDefaultProvider(urn: string): boolean {
    return urn === "" || /::pulumi:providers:ram-invitations::default(_\d+_\d+_\d+[\w.-]*)?(_[^:]+)?$/.test(urn);
}

/**
 * The settings in `values`, each problem naming its key as the user wrote it: stack config for the
 * default provider (which is also handed the keys a program reads, and leaves them alone), an input
 * of an explicit provider otherwise.
 */
function parseFor(urn: string, values: Properties): ReturnType<typeof parseProviderConfig> {
    return isDefaultProvider(urn)
        ? parseProviderConfig(plainProperties(values), (key) => `ram-invitations:${key}`, PROGRAM_CONFIG_KEYS)
        : parseProviderConfig(plainProperties(values), (key) => `provider input ${key}`);
}

export function checkProviderConfig(urn: string, news: Properties): CheckResult {
    return { inputs: withSecrets(news, SECRET_SETTINGS), failures: parseFor(urn, news).problems };
}

/** A setting's change updates the provider in place: no resource is replaced, and nothing is called. */
export function diffProviderConfig(olds: Properties, news: Properties): DiffResult {
    const [before, after] = [plainProperties(olds), plainProperties(news)];
    const changed = providerConfigKeys().filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    return { changes: changed.length > 0, replaces: [] };
}

/** The configuration to act with, and the default role's session name (`pulumi-<project>-<stack>`). */
export function providerConfigOf(
    args: Properties,
    urn: string | undefined,
): { config: ProviderConfig; roleSessionName?: string } {
    const { config, problems } = parseFor(urn ?? "", args);
    if (problems.length > 0) {
        throw configError(problems);
    }
    const { stack, project } = stackAndProjectOf(urn ?? "");
    return { config, roleSessionName: stack && project ? defaultRoleSessionName(project, stack) : undefined };
}

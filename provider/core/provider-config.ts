/**
 * The provider's configuration: how every resource, function and component of one provider reaches
 * AWS unless it says otherwise. The same keys in both shells and every language: `ram-invitations:*`
 * stack config for the default provider, or an explicit provider's inputs; the dynamic provider (which
 * the engine hands the whole stack config) also falls back to `aws:profile` and `aws:region`.
 *
 * Values arrive as the engine and the SDKs send them: stack config and the generated SDKs' provider
 * inputs carry objects, lists and numbers as JSON text, so each is parsed here, and every problem is
 * reported by key before anything is sent.
 */
import { providerConfigKeys, ProviderConfigKey } from "./provider-config-keys";
import type { ProviderConfig, ServiceEndpoints } from "../ram/provider-config";
import { ACCOUNT_ID } from "../inputs/arn";
import { describeRegionProblem } from "../inputs/regions";
import { parseRoleInputs } from "../inputs/role-inputs";

export interface ConfigProblem {
    /** The key, as the user wrote it. */
    property: string;
    reason: string;
}

/** Keys the engine itself adds to a provider's inputs; they are not the user's configuration. */
const ENGINE_KEYS: readonly string[] = ["version", "pluginDownloadURL"];

const ENDPOINT_SERVICES: readonly string[] = ["ram", "sts", "organizations"];

/**
 * The configuration in `values` (keys without a namespace), and every problem with it, each naming
 * its key as `label(key)` shows it (e.g. `ram-invitations:profile`). Unknown keys are problems, but
 * for `othersKeys`: keys of the same namespace that someone else reads.
 */
export function parseProviderConfig(
    values: Record<string, unknown>,
    label: (key: string) => string = (key) => key,
    othersKeys: readonly string[] = [],
): { config: ProviderConfig; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const config: ProviderConfig = {};
    const problem = (key: string, reason: string) =>
        problems.push({ property: key, reason: `${label(key)} ${reason}` });
    for (const [key, raw] of Object.entries(values)) {
        if (raw === undefined || raw === null || raw === "" || ENGINE_KEYS.includes(key) || othersKeys.includes(key)) {
            continue;
        }
        if (!(providerConfigKeys() as readonly string[]).includes(key)) {
            problem(
                key,
                `is not a setting of the ram-invitations provider; the settings are ${providerConfigKeys().join(", ")}`,
            );
            continue;
        }
        parseKey(key as ProviderConfigKey, raw, config, (reason) => problem(key, reason));
    }
    if (config.roleArn !== undefined || config.externalId !== undefined) {
        const role = parseRoleInputs({
            roleArn: config.roleArn,
            externalId: config.externalId,
            roleSessionName: config.roleSessionName ?? "pulumi-ram-invitations",
        });
        for (const failure of role.failures) {
            problems.push({ property: failure.property, reason: `${label(failure.property)}: ${failure.reason}` });
        }
    }
    return { config, problems };
}

function parseKey(key: ProviderConfigKey, raw: unknown, config: ProviderConfig, problem: (reason: string) => void) {
    switch (key) {
        case "region": {
            const region = String(raw);
            const regionProblem = describeRegionProblem(region);
            return regionProblem ? problem(regionProblem) : (config.region = region);
        }
        case "profile":
        case "roleArn":
        case "externalId":
        case "roleSessionName":
            return typeof raw === "string" ? (config[key] = raw) : problem("must be a string");
        case "endpoints":
            return parseEndpoints(fromJsonText(raw), config, problem);
        case "allowedAccountIds":
            return parseAccountIds(fromJsonText(raw), config, problem);
    }
}

/** Objects and lists as stack config and the SDKs' provider inputs carry them: JSON text. */
function fromJsonText(raw: unknown): unknown {
    if (typeof raw !== "string") {
        return raw;
    }
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

function parseEndpoints(value: unknown, config: ProviderConfig, problem: (reason: string) => void): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return problem(`must be an object such as {"ram": "https://ram.us-east-1.amazonaws.com"}`);
    }
    const endpoints: ServiceEndpoints = {};
    for (const [service, url] of Object.entries(value)) {
        if (!ENDPOINT_SERVICES.includes(service)) {
            problem(`has no service "${service}"; the services are ${ENDPOINT_SERVICES.join(", ")}`);
        } else if (typeof url !== "string" || !isHttpUrl(url)) {
            problem(`.${service} must be an http(s) URL, got ${JSON.stringify(url)}`);
        } else {
            endpoints[service as keyof ServiceEndpoints] = url;
        }
    }
    config.endpoints = endpoints;
}

function isHttpUrl(text: string): boolean {
    try {
        return ["http:", "https:"].includes(new URL(text).protocol);
    } catch {
        return false;
    }
}

function parseAccountIds(value: unknown, config: ProviderConfig, problem: (reason: string) => void): void {
    if (!Array.isArray(value)) {
        return problem(`must be a list of 12-digit account ids, e.g. ["111122223333"]`);
    }
    const ids: string[] = [];
    value.forEach((id, i) => {
        if (typeof id === "string" && ACCOUNT_ID.test(id)) {
            ids.push(id);
        } else if (typeof id === "number") {
            problem(
                `[${i}] ${id} is a number: account ids are 12-digit strings, and a number loses leading zeros; ` +
                    `quote it ("${String(id).padStart(12, "0")}")`,
            );
        } else {
            problem(`[${i}] ${JSON.stringify(id)} is not a 12-digit account id`);
        }
    });
    config.allowedAccountIds = ids;
}

/**
 * The configuration from stack config, as the dynamic provider and a TypeScript program read it:
 * `ram-invitations:<key>`, then `aws:profile` and `aws:region` where those are unset. `get` answers a
 * full key (`namespace:key`), undefined when unset.
 */
export function providerConfigFromStack(get: (fullKey: string) => unknown): {
    config: ProviderConfig;
    problems: ConfigProblem[];
} {
    const values: Record<string, unknown> = Object.fromEntries(
        providerConfigKeys().map((key) => [key, get(`ram-invitations:${key}`)]),
    );
    values.profile ??= get("aws:profile");
    values.region ??= get("aws:region");
    return parseProviderConfig(values, (key) => `ram-invitations:${key}`);
}

/** The error for configuration that cannot be used: every problem, each on its line. */
export function configError(problems: ConfigProblem[]): Error {
    const lines = problems.map((problem) => `\n  - ${problem.reason}`).join("");
    return new Error(`The ram-invitations provider's configuration is not valid:${lines}`);
}

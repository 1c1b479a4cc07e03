/**
 * The `accounts` config value: a fleet of receiving accounts, each reached through a role, each
 * with its own explicit rejections and policy. Checked offline, every problem at once, by key.
 */
import type { CheckedPolicyArgs } from "../policy/policy-args";
import { checkPolicyArgs } from "../policy/policy-args";
import { parseRoleInputs } from "../inputs/role-inputs";
import { parseRejectionsConfig, RejectionEntry, RESOURCE_NAME } from "./rejections-config";
import { ROLE_INPUTS } from "../schema/answer-properties";
import { propertyNames } from "../schema/property-types";

/** The config key, in the `ram-invitations` namespace, that maps account names to their settings. */
export const ACCOUNTS_CONFIG_KEY = "accounts";

/** One account of the fleet, as declared in stack config. */
export interface AccountEntry {
    /** The key in the map: it prefixes the names of the account's resources. */
    name: string;
    roleArn: string;
    externalId?: string;
    roleSessionName?: string;
    rejections: RejectionEntry[];
    policy?: CheckedPolicyArgs;
}

/** An account's role, as a rejection's or a policy's, and the rejections and policy it acts for. */
function accountKeys(): string[] {
    return [...propertyNames(ROLE_INPUTS), "rejections", "policy"];
}

export function parseAccountsConfig(
    value: unknown,
    key: string,
    defaultRegion?: string,
): { accounts: AccountEntry[]; problems: string[] } {
    if (value === undefined || value === null) {
        return { accounts: [], problems: [] };
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        return {
            accounts: [],
            problems: [`${key} must be a map from account name to { roleArn, rejections?, policy? }`],
        };
    }
    const accounts: AccountEntry[] = [];
    const problems: string[] = [];
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
        const where = `${key}.${name}`;
        const parsed = parseAccount(name, entry, where, defaultRegion);
        problems.push(...parsed.problems);
        if (parsed.account) {
            accounts.push(parsed.account);
        }
    }
    return { accounts, problems };
}

function parseAccount(
    name: string,
    entry: unknown,
    where: string,
    defaultRegion: string | undefined,
): { account?: AccountEntry; problems: string[] } {
    const problems: string[] = [];
    if (!RESOURCE_NAME.test(name)) {
        problems.push(`${where}: "${name}" is not a usable account name; use letters, digits, ".", "_" and "-"`);
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        return { problems: [...problems, `${where} must be a map with roleArn, and rejections or policy`] };
    }
    const fields = entry as Record<string, unknown>;
    const unknownKeys = Object.keys(fields).filter((k) => !accountKeys().includes(k));
    if (unknownKeys.length > 0) {
        problems.push(`${where} has unknown keys ${unknownKeys.join(", ")}; the keys are ${accountKeys().join(", ")}`);
    }
    if (fields.roleArn === undefined) {
        problems.push(`${where}.roleArn is required: the role the stack assumes in this account`);
    }
    const role = parseRoleInputs({ ...fields, roleSessionName: fields.roleSessionName ?? "default-session" });
    problems.push(...role.failures.map((failure) => `${where}.${failure.reason}`));
    const rejections = parseRejectionsConfig(fields.rejections, `${where}.rejections`);
    problems.push(...rejections.problems);
    let policy: CheckedPolicyArgs | undefined;
    if (fields.policy !== undefined) {
        const nested = fields.policy as Record<string, unknown> | undefined;
        const roleInPolicy = propertyNames(ROLE_INPUTS).filter(
            (k) => typeof nested === "object" && nested !== null && k in nested,
        );
        problems.push(...roleInPolicy.map((k) => `${where}.policy.${k}: set it on the account, not on its policy`));
        const checked = checkPolicyArgs(fields.policy, `${where}.policy`, defaultRegion);
        problems.push(...checked.problems);
        policy = checked.args;
    }
    if (problems.length > 0) {
        return { problems };
    }
    return {
        account: {
            name,
            roleArn: fields.roleArn as string,
            externalId: fields.externalId as string | undefined,
            roleSessionName: fields.roleSessionName as string | undefined,
            rejections: rejections.entries,
            policy,
        },
        problems,
    };
}

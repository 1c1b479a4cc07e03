import * as pulumi from "@pulumi/pulumi";
import { checkPolicyArgs } from "../policy/policy-args";
import { InvitationPolicy } from "../policy/invitation-policy";
import type { PolicySummary } from "../policy/plan";
import type { InvitationRejection } from "../rejection/invitation-rejection";
import { AccountEntry, ACCOUNTS_CONFIG_KEY, parseAccountsConfig } from "./accounts-config";
import { declareRejectionEntries } from "./declare-rejections";
import { parseRejectionsConfig, RejectionEntry, REJECTIONS_CONFIG_KEY } from "./rejections-config";

/** The config key, in the project's namespace, that holds the rejection policy. */
export const POLICY_CONFIG_KEY = "policy";

/** What the stack config declared. */
export interface DeclaredFromConfig {
    /** The explicit rejections, by resource name (a fleet account's are prefixed with its name). */
    rejections: Promise<Record<string, InvitationRejection>>;
    /** The policies, by resource name: `<project>-policy` and `<account>-policy`. */
    policies: Record<string, InvitationPolicy>;
    /** The single-account policy's summary; undefined when `policy` is not set. */
    policySummary: pulumi.Output<PolicySummary | undefined>;
    /** Each fleet account's policy summary, by account name. */
    accountPolicySummaries: pulumi.Output<Record<string, PolicySummary>>;
}

/**
 * Declares everything the stack config asks for: an {@link InvitationPolicy} from `policy`, named
 * after the stack's project; one rejection per entry of `rejections`; and, for each account of
 * `accounts`, its policy and rejections through its role, named after the account. Every value is
 * checked first, and every problem is reported at once, by key, before anything is registered. The
 * explicit rejections are declared only once every policy has listed RAM and passed its guard, so a
 * policy that refuses to run stops the whole update before any write.
 */
export function declareFromStackConfig(config = new pulumi.Config()): DeclaredFromConfig {
    const single = parseRejectionsConfig(
        config.getObject<unknown>(REJECTIONS_CONFIG_KEY),
        `${config.name}:${REJECTIONS_CONFIG_KEY}`,
    );
    const policyValue = config.getObject<unknown>(POLICY_CONFIG_KEY);
    const policyCheck =
        policyValue === undefined
            ? { problems: [] }
            : checkPolicyArgs(policyValue, `${config.name}:${POLICY_CONFIG_KEY}`);
    const fleet = parseAccountsConfig(
        config.getObject<unknown>(ACCOUNTS_CONFIG_KEY),
        `${config.name}:${ACCOUNTS_CONFIG_KEY}`,
    );
    const problems = [
        ...policyCheck.problems,
        ...single.problems,
        ...fleet.problems,
        ...nameClashes(config.name, single.entries, fleet.accounts),
    ];
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    const policies: Record<string, InvitationPolicy> = {};
    const accountPolicies: Record<string, InvitationPolicy> = {};
    if (policyCheck.args) {
        policies[`${config.name}-policy`] = new InvitationPolicy(`${config.name}-policy`, policyCheck.args);
    }
    for (const account of fleet.accounts.filter((a) => a.policy)) {
        const name = `${account.name}-policy`;
        const { roleArn, externalId, roleSessionName } = account;
        policies[name] = new InvitationPolicy(name, { ...account.policy!, roleArn, externalId, roleSessionName });
        accountPolicies[account.name] = policies[name];
    }
    const guardsPassed = Promise.all(Object.values(policies).map((policy) => policy.rejections));
    const rejections = guardsPassed.then(async () => {
        const declared = await declareRejectionEntries(single.entries);
        for (const account of fleet.accounts) {
            Object.assign(
                declared,
                await declareRejectionEntries(account.rejections, { namePrefix: account.name, ...account }),
            );
        }
        return declared;
    });
    const singlePolicy = policies[`${config.name}-policy`];
    return {
        rejections,
        policies,
        policySummary: singlePolicy ? singlePolicy.summary : pulumi.output(undefined),
        accountPolicySummaries: pulumi
            .all(Object.entries(accountPolicies).map(([name, policy]) => pulumi.all([name, policy.summary])))
            .apply((pairs) => Object.fromEntries(pairs)),
    };
}

/** Resource names two entries would share (a fleet account's are prefixed with its name). */
function nameClashes(project: string, single: RejectionEntry[], accounts: AccountEntry[]): string[] {
    const names = [
        ...single.map((e) => e.name),
        ...accounts.flatMap((a) => a.rejections.map((e) => `${a.name}-${e.name}`)),
        ...accounts.filter((a) => a.policy).map((a) => `${a.name}-policy`),
    ];
    const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    return repeated.map(
        (name) =>
            `the resource name "${name}" would be declared twice (an account's resources are named ` +
            `<account>-<name>, and its policy <account>-policy; ${project}-policy is the single-account policy)`,
    );
}

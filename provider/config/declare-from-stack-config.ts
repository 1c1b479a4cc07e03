import * as pulumi from "@pulumi/pulumi";
import { checkPolicyArgs } from "../policy/policy-args";
import { stackSessions } from "../dynamic/get-invitations";
import { InvitationPolicy } from "../dynamic/invitation-policy";
import type { PolicySummary } from "../policy/plan";
import type { InvitationRejection } from "../dynamic/invitation-rejection";
import { AccountEntry, ACCOUNTS_CONFIG_KEY, parseAccountsConfig } from "./accounts-config";
import { declareRejectionEntries } from "./declare-rejections";
import { CONFIG_NAMESPACE } from "../core/provider-config-keys";
import { parseRejectionsConfig, RejectionEntry, REJECTIONS_CONFIG_KEY } from "./rejections-config";
import { unknownKeyProblems } from "./unknown-keys";

/** The config key, in the `ram-invitations` namespace, that holds the rejection policy. */
export const POLICY_CONFIG_KEY = "policy";

/** What the stack config declared. */
export interface DeclaredFromConfig {
    /** The explicit rejections, by resource name (a fleet account's are prefixed with its name). */
    rejections: Promise<Record<string, InvitationRejection>>;
    /** The policies, by resource name: `ram-invitations-policy` (`<namespace>-policy`) and `<account>-policy`. */
    policies: Record<string, InvitationPolicy>;
    /** The single-account policy's summary; undefined when `policy` is not set. */
    policySummary: pulumi.Output<PolicySummary | undefined>;
    /** Each fleet account's policy summary, by account name. */
    accountPolicySummaries: pulumi.Output<Record<string, PolicySummary>>;
}

/**
 * Declares everything the stack config asks for, from the keys `ram-invitations:policy`,
 * `ram-invitations:rejections` and `ram-invitations:accounts` (whatever the project's name; pass a
 * `config` to read another namespace): an {@link InvitationPolicy} from `policy`, named
 * `ram-invitations-policy`; one rejection per entry of `rejections`; and, for each account of
 * `accounts`, its policy and rejections through its role, named after the account. Every value is
 * checked first, and so is every other key of the namespace (only the provider's own may be there
 * too), and every problem is reported at once, by key, before anything is registered. No
 * rejection (explicit, or any policy's) is declared until every policy has listed RAM and passed its
 * guard, so a policy that refuses to run, in any account, stops every write of the update; each
 * refusal is an error on its policy.
 */
export function declareFromStackConfig(config = new pulumi.Config(CONFIG_NAMESPACE)): DeclaredFromConfig {
    const unknownKeys = unknownKeyProblems(pulumi.runtime.allConfig(), config.name, "declareFromStackConfig()", [
        REJECTIONS_CONFIG_KEY,
        POLICY_CONFIG_KEY,
        ACCOUNTS_CONFIG_KEY,
    ]);
    const single = parseRejectionsConfig(
        config.getObject<unknown>(REJECTIONS_CONFIG_KEY),
        `${config.name}:${REJECTIONS_CONFIG_KEY}`,
    );
    // The provider's region (ram-invitations:region, then aws:region) stands in for a policy's regions.
    const defaultRegion = stackSessions().region;
    const policyValue = config.getObject<unknown>(POLICY_CONFIG_KEY);
    const policyCheck =
        policyValue === undefined
            ? { problems: [] }
            : checkPolicyArgs(policyValue, `${config.name}:${POLICY_CONFIG_KEY}`, defaultRegion);
    const fleet = parseAccountsConfig(
        config.getObject<unknown>(ACCOUNTS_CONFIG_KEY),
        `${config.name}:${ACCOUNTS_CONFIG_KEY}`,
        defaultRegion,
    );
    const problems = [
        ...unknownKeys,
        ...policyCheck.problems,
        ...single.problems,
        ...fleet.problems,
        ...nameClashes(config.name, single.entries, fleet.accounts),
    ];
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    if (single.entries.length === 0 && !policyCheck.args && fleet.accounts.length === 0) {
        // Not an error: removing the last entry must apply cleanly (the rejections leave the stack).
        void pulumi.log.info(
            `The stack config declares nothing: no ${config.name}:${REJECTIONS_CONFIG_KEY}, ` +
                `${config.name}:${POLICY_CONFIG_KEY} or ${config.name}:${ACCOUNTS_CONFIG_KEY}, ` +
                `so there is nothing to do (see docs/gitops.md).`,
        );
    }
    // No rejection anywhere in the stack is declared until every policy (every account's) has
    // listed RAM and passed its guard: what a run writes never depends on timing.
    let openGate!: (allPassed: boolean) => void;
    const declareWhen = new Promise<boolean>((resolve) => (openGate = resolve));
    const policies: Record<string, InvitationPolicy> = {};
    const accountPolicies: Record<string, InvitationPolicy> = {};
    if (policyCheck.args) {
        const name = `${config.name}-policy`;
        policies[name] = new InvitationPolicy(name, policyCheck.args, { declareWhen });
    }
    for (const account of fleet.accounts.filter((a) => a.policy)) {
        const name = `${account.name}-policy`;
        const { roleArn, externalId, roleSessionName } = account;
        policies[name] = new InvitationPolicy(
            name,
            { ...account.policy!, roleArn, externalId, roleSessionName },
            { declareWhen },
        );
        accountPolicies[account.name] = policies[name];
    }
    const allPassed = Promise.all(Object.values(policies).map((policy) => policy.planned)).then((outcomes) =>
        outcomes.every((outcome) => outcome.refusal === undefined),
    );
    void allPassed.then(openGate);
    const rejections = allPassed.then(async (passed) => {
        // A refused policy has failed the program with its own error; the explicit rejections wait too.
        if (!passed) {
            return {};
        }
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

import * as pulumi from "@pulumi/pulumi";
import { checkPolicyArgs } from "../policy/policy-args";
import { InvitationPolicy } from "../policy/invitation-policy";
import type { PolicySummary } from "../policy/plan";
import type { InvitationRejection } from "../rejection/invitation-rejection";
import { declareRejectionEntries } from "./declare-rejections";
import { parseRejectionsConfig, REJECTIONS_CONFIG_KEY } from "./rejections-config";

/** The config key, in the project's namespace, that holds the rejection policy. */
export const POLICY_CONFIG_KEY = "policy";

/** What the stack config declared. */
export interface DeclaredFromConfig {
    /** The explicit rejections, by name. */
    rejections: Promise<Record<string, InvitationRejection>>;
    /** The policy, when `policy` is set. */
    policy?: InvitationPolicy;
    /** The policy's summary; undefined when no policy is set. */
    policySummary: pulumi.Output<PolicySummary | undefined>;
}

/**
 * Declares everything the stack config asks for: an {@link InvitationPolicy} from `policy`, named
 * after the stack's project, and one rejection per entry of `rejections`. Both values are checked
 * first, and every problem of either is reported at once, by key, before anything is registered.
 * When a policy is set, the explicit rejections are declared only once the policy has listed RAM
 * and passed its guard, so a policy that refuses to run stops the whole update before any write.
 */
export function declareFromStackConfig(config = new pulumi.Config()): DeclaredFromConfig {
    const { entries, problems: rejectionProblems } = parseRejectionsConfig(
        config.getObject<unknown>(REJECTIONS_CONFIG_KEY),
        `${config.name}:${REJECTIONS_CONFIG_KEY}`,
    );
    const policyValue = config.getObject<unknown>(POLICY_CONFIG_KEY);
    const policyCheck =
        policyValue === undefined
            ? { problems: [] }
            : checkPolicyArgs(policyValue, `${config.name}:${POLICY_CONFIG_KEY}`);
    const problems = [...policyCheck.problems, ...rejectionProblems];
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    const policy = policyCheck.args ? new InvitationPolicy(`${config.name}-policy`, policyCheck.args) : undefined;
    const rejections = (policy?.rejections ?? Promise.resolve()).then(() => declareRejectionEntries(entries));
    return {
        rejections,
        policy,
        policySummary: policy ? policy.summary : pulumi.output(undefined),
    };
}

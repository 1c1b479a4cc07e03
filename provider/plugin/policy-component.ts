/**
 * `ram-invitations:index:InvitationPolicy` as the provider plugin serves it (`construct`): the same
 * policy as the library's InvitationPolicy (listing, plan, guard, report mode, summary), whose
 * children are the plugin's own rejections. A refusal fails the construct call, and so the program,
 * with the policy's message, after the policy has declared nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { roleOf } from "../inputs/listing-args";
import { PolicyComponent, PolicyRejectionArgs, PolicyShell } from "../policy/policy-component";
import type { InvitationPolicyArgs } from "../policy/policy-args";
import type { RamSessions } from "../ram/ram-sessions";
import { ACCEPTANCE_TOKEN, POLICY_TOKEN, REJECTION_TOKEN } from "../schema/tokens";
import type { ConstructResult } from "./server/plugin-provider";

/** A rejection or acceptance declared by the plugin's policy: the plugin's own resource of that type. */
class PluginAnswer extends pulumi.CustomResource {
    constructor(type: string, name: string, args: PolicyRejectionArgs, policy: pulumi.Resource) {
        const externalId = args.externalId === undefined ? undefined : pulumi.secret(args.externalId);
        super(type, name, { ...args, externalId }, { parent: policy });
    }
}

/**
 * The plugin's shell: children are `ram-invitations:index:InvitationRejection` and
 * `...:InvitationAcceptance`; a refusal is kept for construct; the listing is this provider's,
 * configured as its resources are.
 */
function pluginShell(sessions: RamSessions, refusals: string[]): PolicyShell<PluginAnswer, PluginAnswer> {
    return {
        type: POLICY_TOKEN,
        declareRejection: (name, args, policy) => new PluginAnswer(REJECTION_TOKEN, name, args, policy),
        declareAcceptance: (name, args, policy) => new PluginAnswer(ACCEPTANCE_TOKEN, name, args, policy),
        refuse: (reason) => refusals.push(reason),
        session: (args) => sessions.forRole(roleOf(args)),
        organizationSession: (access) => sessions.forRole(roleOf(access)),
        defaultRegion: () => sessions.region,
    };
}

export async function constructPolicy(
    sessions: RamSessions,
    name: string,
    inputs: pulumi.Inputs,
    options: pulumi.ComponentResourceOptions,
): Promise<ConstructResult> {
    const args = withoutNulls(await knownArguments(name, inputs));
    const refusals: string[] = [];
    // A problem with the arguments throws here, each naming its input.
    const policy = new PolicyComponent(name, args, options, pluginShell(sessions, refusals));
    await Promise.all([policy.rejections, policy.acceptances]);
    if (refusals.length > 0) {
        throw new Error(refusals.join("; "));
    }
    return { urn: policy.urn, state: { summary: policy.summary } };
}

/**
 * The arguments as plain values. They decide what the policy lists and rejects, so they must be
 * known: in a preview, one computed from another resource's output is not yet, and the policy could
 * not say what it will reject.
 */
async function knownArguments(name: string, inputs: pulumi.Inputs): Promise<InvitationPolicyArgs> {
    // Every Output has `isKnown` (the SDK's own field, not in its typings); an unknown one never
    // runs `apply`, so it is asked first.
    const all = pulumi.output(inputs) as pulumi.Output<InvitationPolicyArgs> & { isKnown: Promise<boolean> };
    if (!(await all.isKnown)) {
        throw new Error(
            `InvitationPolicy "${name}": an argument is computed from another resource's output and is not ` +
                `known in preview, so the policy cannot say what it will reject. Give it values known before ` +
                `the update (literals or stack config).`,
        );
    }
    return new Promise((resolve) => all.apply(resolve));
}

/** Inputs a program left out arrive as null from some languages; the policy's checks want them absent. */
function withoutNulls<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

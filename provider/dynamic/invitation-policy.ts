/**
 * InvitationPolicy for TypeScript programs that use the library directly: the policy component
 * (../policy/policy-component.ts) with the dynamic resources as its children, a listing configured
 * from the stack, and a refusal that fails the program.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvitationPolicyOptions, PolicyComponent, PolicyShell } from "../policy/policy-component";
import type { InvitationPolicyArgs } from "../policy/policy-args";
import { programSession, stackSessions } from "./get-invitations";
import { InvitationAcceptance } from "./invitation-acceptance";
import { InvitationRejection } from "./invitation-rejection";

export const INVITATION_POLICY_TYPE = "ram-invitations:policy:InvitationPolicy";

/** `@pulumi/pulumi/cmd/run`'s exit code for a program whose error it has already reported. */
const ERROR_ALREADY_REPORTED = 32;

/** The dynamic resource's shell: InvitationRejection children, and a refusal that fails the program. */
const DYNAMIC_SHELL: PolicyShell<InvitationRejection, InvitationAcceptance> = {
    type: INVITATION_POLICY_TYPE,
    declareRejection: (name, args, policy) => new InvitationRejection(name, args, { parent: policy }),
    declareAcceptance: (name, args, policy) => new InvitationAcceptance(name, args, { parent: policy }),
    refuse: failProgram,
    session: programSession,
    organizationSession: programSession,
    defaultRegion: () => stackSessions().region,
};

/**
 * Rejects every pending invitation whose sender (or share) the policy does not allow, in each of
 * its regions, each time the program runs. The policy lists the invitations the calling account
 * sees and declares, as its children, one ordinary {@link InvitationRejection} per unwanted one:
 * the preview shows each on its own line, and each keeps the idempotency of a single rejection.
 *
 * Rejection cannot be undone, so a run that would reject more than `maxRejectionsPerRun` pending
 * invitations, or that cannot list RAM, declares no rejection and fails the program with one error
 * on the policy, in preview and in the update alike; and `mode: "report"` rejects nothing.
 */
export class InvitationPolicy extends PolicyComponent<InvitationRejection, InvitationAcceptance> {
    constructor(name: string, args: InvitationPolicyArgs, opts?: InvitationPolicyOptions) {
        super(name, args, opts, DYNAMIC_SHELL);
    }
}

/**
 * Fails the program with one error on the policy, without a stack trace: a refusal is an expected
 * outcome, not a bug. A thrown error cannot do this here: the listing ends after the program's main
 * module has returned, where Pulumi's runtime reports an unhandled error on the stack with its
 * stack trace (or, inside an output, as an error serializing it). So the error is logged on the
 * policy, and the program ends with the exit code by which Pulumi's Node.js runtime says "error
 * already reported" (32): the engine then fails the preview or update, deletes nothing, and prints
 * no second message.
 */
function failProgram(reason: string, policy: pulumi.Resource): void {
    void pulumi.log.error(reason, policy);
    process.exitCode = ERROR_ALREADY_REPORTED;
}

import * as pulumi from "@pulumi/pulumi";
import { pausePromiseTraces } from "./promise-traces";
import * as serializableAcceptanceProvider from "../serializable-acceptance-provider";
import { answerInputs, PolicyOnlyArgs, unsetOutputs, withSecretInputs } from "./invitation-rejection";
import { deriveAcceptanceClientToken } from "../core/acceptance/client-token";
import type { InvitationAcceptanceArgs, InvitationAcceptanceOutputs } from "../generated/types";
import { ACCEPTANCE_INPUTS, ACCEPTANCE_RESULTS } from "../schema/answer-properties";

/** The arguments of an {@link InvitationAcceptance}, and its outputs, are generated from their tables. */
export type { InvitationAcceptanceArgs };

/** The resource's type token is `pulumi-nodejs:dynamic/ram:InvitationAcceptance`. */
export const INVITATION_ACCEPTANCE_MODULE = "ram";
export const INVITATION_ACCEPTANCE_TYPE = "InvitationAcceptance";
export const INVITATION_ACCEPTANCE_TYPE_TOKEN =
    `pulumi-nodejs:dynamic/${INVITATION_ACCEPTANCE_MODULE}:${INVITATION_ACCEPTANCE_TYPE}` as const;

// The outputs are declared by the generated interface (see its comment), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface InvitationAcceptance extends InvitationAcceptanceOutputs {}

/**
 * Accepts an AWS RAM resource-share invitation, idempotently, and waits until the share is shared
 * with the account.
 *
 * Creating the resource calls AcceptResourceShareInvitation once, with a client token derived from
 * the resource's URN and the invitation ARN (in a namespace of its own, so it never equals a
 * rejection's); re-running `pulumi up`, or re-running it after a crash, never accepts twice, and an
 * invitation already accepted is adopted. Deleting the resource only removes it from the stack,
 * unless `leaveShareOnDelete` is true.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class InvitationAcceptance extends pulumi.dynamic.Resource {
    constructor(name: string, args: InvitationAcceptanceArgs & PolicyOnlyArgs, opts?: pulumi.CustomResourceOptions) {
        // Pulumi's traces of its own promises cost most of a registration (see promise-traces.ts).
        const traces = pausePromiseTraces();
        try {
            super(
                serializableAcceptanceProvider,
                name,
                {
                    ...unsetOutputs(ACCEPTANCE_RESULTS),
                    ...answerInputs(name, INVITATION_ACCEPTANCE_TYPE_TOKEN, args, deriveAcceptanceClientToken, opts, {
                        leaveShareOnDelete: args.leaveShareOnDelete,
                        associationWaitSeconds: args.associationWaitSeconds,
                    }),
                },
                withSecretInputs(ACCEPTANCE_INPUTS, args, opts),
                INVITATION_ACCEPTANCE_MODULE,
                INVITATION_ACCEPTANCE_TYPE,
            );
        } catch (error) {
            throw traces.endWithStack(error, new.target);
        } finally {
            traces.end();
        }
    }
}

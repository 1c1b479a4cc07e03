import * as pulumi from "@pulumi/pulumi";
import { pausePromiseTraces } from "./promise-traces";
import * as serializableAcceptanceProvider from "../serializable-acceptance-provider";
import type { SharedResource } from "../ram/share-finders";
import { answerInputs, PolicyOnlyArgs, withSecretInputs } from "./invitation-rejection";
import { deriveAcceptanceClientToken } from "../core/acceptance/client-token";
import { ACCEPTANCE_INPUTS } from "../schema/answer-properties";
import type { ResourceArgsOf } from "../schema/property-types";

/**
 * The arguments of an {@link InvitationAcceptance}: the selection and the role as for a rejection
 * (exactly one of `invitationArn` and `resourceShareArn`, checked offline, before any call), and
 * what to do on delete. Each is described in its table, ../schema/answer-properties.ts.
 */
export type InvitationAcceptanceArgs = ResourceArgsOf<typeof ACCEPTANCE_INPUTS>;

/** The resource's type token is `pulumi-nodejs:dynamic/ram:InvitationAcceptance`. */
export const INVITATION_ACCEPTANCE_MODULE = "ram";
export const INVITATION_ACCEPTANCE_TYPE = "InvitationAcceptance";
export const INVITATION_ACCEPTANCE_TYPE_TOKEN =
    `pulumi-nodejs:dynamic/${INVITATION_ACCEPTANCE_MODULE}:${INVITATION_ACCEPTANCE_TYPE}` as const;

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
export class InvitationAcceptance extends pulumi.dynamic.Resource {
    /** ARN of the accepted invitation. Also the resource's id. */
    declare public readonly invitationArn: pulumi.Output<string>;
    /** ARN of the resource share the invitation was for. */
    declare public readonly resourceShareArn: pulumi.Output<string>;
    /** Name of the resource share. */
    declare public readonly resourceShareName: pulumi.Output<string>;
    /** Account id of the account that sent the invitation (the share's owner). */
    declare public readonly senderAccountId: pulumi.Output<string>;
    /** Account id of the account that accepted it. */
    declare public readonly receiverAccountId: pulumi.Output<string>;
    /** The invitation's status as RAM last reported it: ACCEPTED. */
    declare public readonly status: pulumi.Output<string>;
    /** When the sender created the invitation (ISO 8601). */
    declare public readonly invitationTimestamp: pulumi.Output<string>;
    /** The client token sent with the acceptance; derived from the URN and the invitation ARN, kept in state. */
    declare public readonly clientToken: pulumi.Output<string>;
    /** When this resource saw the acceptance take effect (ISO 8601); absent for an imported one. */
    declare public readonly acceptedAt: pulumi.Output<string | undefined>;
    /** The share's status as last read: ACTIVE, or DELETED once its owner deleted it. */
    declare public readonly shareStatus: pulumi.Output<string>;
    /** ASSOCIATED while the share is shared with the account; DISASSOCIATED once left or deleted. */
    declare public readonly associationStatus: pulumi.Output<string>;
    /** The resources the share makes visible to the account (ARN and type), as last read. */
    declare public readonly sharedResources: pulumi.Output<SharedResource[]>;

    constructor(name: string, args: InvitationAcceptanceArgs & PolicyOnlyArgs, opts?: pulumi.CustomResourceOptions) {
        // Pulumi's traces of its own promises cost most of a registration (see promise-traces.ts).
        const traces = pausePromiseTraces();
        try {
            super(
                serializableAcceptanceProvider,
                name,
                {
                    ...answerInputs(name, INVITATION_ACCEPTANCE_TYPE_TOKEN, args, deriveAcceptanceClientToken, opts, {
                        leaveShareOnDelete: args.leaveShareOnDelete,
                        associationWaitSeconds: args.associationWaitSeconds,
                    }),
                    resourceShareName: undefined,
                    senderAccountId: undefined,
                    receiverAccountId: undefined,
                    status: undefined,
                    invitationTimestamp: undefined,
                    acceptedAt: undefined,
                    shareStatus: undefined,
                    associationStatus: undefined,
                    sharedResources: undefined,
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

import * as pulumi from "@pulumi/pulumi";
import { pausePromiseTraces } from "./promise-traces";
import { deriveClientToken } from "../core/rejection/client-token";
import * as serializableProvider from "../serializable-provider";
import { ListedInvitation, LISTED_INPUT } from "../core/answer/properties";
import { defaultRoleSessionName } from "../inputs/role-inputs";
import { PREVIEW_INPUT } from "../core/answer/phase";
import type { InvitationRejectionArgs, InvitationRejectionOutputs } from "../generated/types";
import { REJECTION_INPUTS, REJECTION_RESULTS } from "../schema/answer-properties";
import { propertyNames, secretNames } from "../schema/property-types";
import type { PropertyTable } from "../schema/property-types";

/**
 * The arguments of an {@link InvitationRejection}, and its outputs, are generated from their tables in
 * ../schema/answer-properties.ts (which the schema of every other language is built from too).
 */
export type { InvitationRejectionArgs };

/** Set only by InvitationPolicy, for its own rejections (see LISTED_INPUT in ../core/answer/properties.ts). */
export interface PolicyOnlyArgs {
    [LISTED_INPUT]?: ListedInvitation;
}

/** The resource's type token is `pulumi-nodejs:dynamic/ram:InvitationRejection`. */
export const INVITATION_REJECTION_MODULE = "ram";
export const INVITATION_REJECTION_TYPE = "InvitationRejection";
export const INVITATION_REJECTION_TYPE_TOKEN =
    `pulumi-nodejs:dynamic/${INVITATION_REJECTION_MODULE}:${INVITATION_REJECTION_TYPE}` as const;

// The outputs are declared by the generated interface (see its comment), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface InvitationRejection extends InvitationRejectionOutputs {}

/**
 * Rejects an AWS RAM resource-share invitation, idempotently.
 *
 * Creating the resource calls RejectResourceShareInvitation once, with a client token derived
 * from the resource's URN and the invitation ARN; re-running `pulumi up`, or re-running it after
 * a crash, never rejects twice and never fails because the invitation is already rejected.
 * Deleting the resource only removes it from the stack: a rejection cannot be undone.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class InvitationRejection extends pulumi.dynamic.Resource {
    constructor(name: string, args: InvitationRejectionArgs & PolicyOnlyArgs, opts?: pulumi.CustomResourceOptions) {
        // One provider object for the whole program: Pulumi serializes it once, and every
        // InvitationRejection shares it (and so one provider process, one client per region).
        // Pulumi's traces of its own promises cost most of a registration (see promise-traces.ts).
        const traces = pausePromiseTraces();
        try {
            super(
                serializableProvider,
                name,
                {
                    ...unsetOutputs(REJECTION_RESULTS),
                    ...answerInputs(name, INVITATION_REJECTION_TYPE_TOKEN, args, deriveClientToken, opts),
                },
                withSecretInputs(REJECTION_INPUTS, args, opts),
                INVITATION_REJECTION_MODULE,
                INVITATION_REJECTION_TYPE,
            );
        } catch (error) {
            throw traces.endWithStack(error, new.target);
        } finally {
            traces.end();
        }
    }
}

/**
 * The inputs every answer to an invitation (a rejection, an acceptance) gives its provider: the
 * selection, the role, what a policy listed, the client token and whether this is a preview, plus
 * `extra` (each only when given: Pulumi makes every key an output of its own, a cost per resource).
 */
export function answerInputs(
    name: string,
    typeToken: string,
    args: InvitationRejectionArgs & PolicyOnlyArgs,
    deriveToken: (urn: string, arn: string) => string,
    opts: pulumi.CustomResourceOptions | undefined,
    extra: Record<string, unknown> = {},
): pulumi.Inputs {
    // With resourceShareArn the token is derived from the share: a share sends the calling
    // account one invitation, and state keeps the one found first.
    const { invitationArn, resourceShareArn } = args;
    const clientToken =
        opts?.parent === undefined && isPlainText(invitationArn) && isPlainText(resourceShareArn)
            ? deriveToken(
                  urnOfRootResource(pulumi.getStack(), pulumi.getProject(), typeToken, name),
                  invitationArn ?? resourceShareArn ?? "",
              )
            : pulumi
                  .all([urnWithoutDependencies(name, typeToken, opts?.parent), invitationArn, resourceShareArn])
                  .apply(([resourceUrn, invitation, share]) => deriveToken(resourceUrn, invitation ?? share ?? ""));
    return {
        invitationArn: args.invitationArn,
        resourceShareArn: args.resourceShareArn,
        ...onlyGiven({ invitationWaitSeconds: args.invitationWaitSeconds, ...extra }),
        ...roleInputs(args),
        ...onlyGiven({ [LISTED_INPUT]: args[LISTED_INPUT] }),
        clientToken,
        // Lets check tell a preview from the update; internal, never shown or stored.
        [PREVIEW_INPUT]: pulumi.runtime.isDryRun(),
    };
}

/** The schema's secret inputs (the external id) stay secret in state even when given as plain text. */
export function withSecretInputs<T extends PropertyTable>(
    inputs: T,
    args: Partial<Record<keyof T, unknown>>,
    opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions | undefined {
    const given = secretNames(inputs).filter((name) => args[name] !== undefined);
    return given.length === 0
        ? opts
        : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...given] };
}

/**
 * Every output the resource always has, unset: Pulumi makes an output of each key it is given, and
 * fills it from the provider's answer (the inputs in `answerInputs` replace their own).
 */
export function unsetOutputs(results: PropertyTable): pulumi.Inputs {
    return Object.fromEntries(propertyNames(results).map((name) => [name, undefined]));
}

function onlyGiven(inputs: Record<string, unknown>): pulumi.Inputs {
    return Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== undefined)) as pulumi.Inputs;
}

/**
 * True for an input given as plain text (or not given): everything the token is derived from is
 * then known while the resource is declared, and the token is plain text too. A token derived
 * through Outputs costs every resource a chain of them, and Pulumi a promise with a stack trace of
 * its own when it serializes one; the value sent, its dependencies (none) and its secrecy (none)
 * are the same either way.
 */
function isPlainText(input: pulumi.Input<string> | undefined): input is string | undefined {
    return input === undefined || typeof input === "string";
}

/**
 * The URN of a resource without a parent (a child of the stack): what `pulumi.createUrn(name, type)`
 * answers, without an Output. Pulumi leaves the stack's own type out of its children's URNs.
 */
export function urnOfRootResource(stack: string, project: string, typeToken: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${typeToken}::${name}`;
}

/**
 * The URN this resource will have, known before anything is sent (in preview too), as a plain
 * promise: its value only, without the parent as a dependency. `createUrn` answers an Output that
 * depends on the parent, and Pulumi expands a dependency on a component into a dependency on all
 * of its children, so each child of a component with several would wait for its siblings to
 * register, and they for it: the program would hang. The URN string is the one `createUrn`
 * computes, so tokens stay what they were.
 */
function urnWithoutDependencies(name: string, typeToken: string, parent: pulumi.Resource | undefined): Promise<string> {
    const urn = pulumi.createUrn(name, typeToken, parent);
    // A URN is always known, in preview as in the update, so the callback always runs.
    return new Promise((resolve) => urn.apply(resolve));
}

/** The role inputs, only when a role is given (every key becomes an output, a cost per resource). */
function roleInputs(args: InvitationRejectionArgs): pulumi.Inputs {
    if (args.roleArn === undefined) {
        return args.externalId === undefined ? {} : { externalId: pulumi.secret(args.externalId) };
    }
    return {
        roleArn: args.roleArn,
        roleSessionName: args.roleSessionName ?? defaultRoleSessionName(pulumi.getProject(), pulumi.getStack()),
        ...(args.externalId === undefined ? {} : { externalId: pulumi.secret(args.externalId) }),
    };
}

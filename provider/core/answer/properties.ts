/**
 * The properties of an InvitationRejection as the provider sees them: the inputs after `check`,
 * the state it records (the resource's outputs), and the internal input that hands `check` what a
 * program has just listed.
 */
import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { DEFAULT_INVITATION_WAIT_SECONDS } from "../../defaults";
import type { RamArn } from "../../inputs/arn";
import { DEFERRED_FAILURE_INPUT, PREVIEW_INPUT } from "./phase";
import { INVITATION_FACTS, REJECTION_INPUTS, REJECTION_OUTPUTS } from "../../schema/answer-properties";
import type { ObjectOf } from "../../schema/property-types";

/**
 * The inputs the provider receives, after `check`: the program's (its table; `invitationArn` is
 * also found by `check` from `resourceShareArn`), and what the shells and `check` add.
 */
export interface RejectionInputs extends ObjectOf<typeof REJECTION_INPUTS> {
    clientToken: string;
    /** Found by `check`, so that a reviewer of `pulumi preview --diff` sees who shares what. */
    senderAccountId?: string;
    /** Found by `check`, like senderAccountId. */
    resourceShareName?: string;
    /** Set by the program: false in the update, true in a preview (see phase.ts). */
    [PREVIEW_INPUT]?: boolean;
    /** Set by an InvitationPolicy: what it just listed, so that `check` need not look it up again. */
    [LISTED_INPUT]?: ListedInvitation;
    /** Set by `check` in an update for an invitation RAM will not let us reject; `create` fails with it. */
    [DEFERRED_FAILURE_INPUT]?: string;
}

/** What the provider records in Pulumi state for one rejection: the outputs of the resource. */
export type RejectionState = ObjectOf<typeof REJECTION_OUTPUTS>;

/** The fields that say how to reach the account: changing them changes no rejection. */
export const ACCESS_FIELDS = ["roleArn", "externalId", "roleSessionName"] as const;

/** The access fields of `props`, without the absent ones. */
export function accessOf(
    props: Partial<Pick<RejectionInputs, (typeof ACCESS_FIELDS)[number]>>,
): Partial<RejectionState> {
    return withoutUndefined({
        roleArn: props.roleArn,
        externalId: props.externalId,
        roleSessionName: props.roleSessionName,
    });
}

/** The fields of the state that describe the invitation itself, as RAM reports it. */
export type InvitationFacts = ObjectOf<typeof INVITATION_FACTS>;

/** Copies what RAM says about an invitation into the state's field names and types. */
export function invitationFacts(invitation: ResourceShareInvitation): InvitationFacts {
    return {
        invitationArn: invitation.resourceShareInvitationArn ?? "",
        resourceShareArn: invitation.resourceShareArn ?? "",
        resourceShareName: invitation.resourceShareName ?? "",
        senderAccountId: invitation.senderAccountId ?? "",
        receiverAccountId: invitation.receiverAccountId ?? "",
        status: invitation.status ?? "",
        invitationTimestamp: invitation.invitationTimestamp?.toISOString() ?? "",
    };
}

/** When RAM does not return the invitation at all, state records what is known without guessing. */
export function factsFromArn(arn: RamArn, status: ResourceShareInvitationStatus): InvitationFacts {
    return {
        invitationArn: arn.arn,
        resourceShareArn: "",
        resourceShareName: "",
        senderAccountId: "",
        receiverAccountId: "",
        status,
        invitationTimestamp: "",
    };
}

/** How long to wait for a share's invitation to show up, for these inputs. */
export function invitationWaitSeconds(inputs: RejectionInputs): number {
    return inputs.invitationWaitSeconds ?? DEFAULT_INVITATION_WAIT_SECONDS;
}

/** Pulumi state cannot hold undefined; absent inputs are left out instead. */
export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What a program has just listed about an invitation, handed to `check` so that it need not look
 * the invitation up again: an InvitationPolicy lists every invitation of a region before it declares
 * its rejections, and `check` runs for one resource at a time, so a fresh look per account and
 * region would only repeat that listing. The input is internal (`__`): never shown, never stored.
 */
export const LISTED_INPUT = "__listed";

/** The facts the program saw, less the ARN (which the resource's own input carries). */
export type ListedInvitation = Omit<InvitationFacts, "invitationArn">;

/** The listed facts as the SDK's shape, for the same verdict a lookup would get. */
export function asSdkInvitation(invitationArn: string, listed: ListedInvitation): ResourceShareInvitation {
    return {
        resourceShareInvitationArn: invitationArn,
        resourceShareArn: listed.resourceShareArn,
        resourceShareName: listed.resourceShareName,
        senderAccountId: listed.senderAccountId,
        receiverAccountId: listed.receiverAccountId,
        status: listed.status as ResourceShareInvitation["status"],
        invitationTimestamp: listed.invitationTimestamp ? new Date(listed.invitationTimestamp) : undefined,
    };
}

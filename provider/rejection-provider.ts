import * as pulumi from "@pulumi/pulumi";
import { RejectResourceShareInvitationCommand, ResourceShareInvitation } from "@aws-sdk/client-ram";
import { parseRamArn, RamArn } from "./arn";
import { findCallerAccount } from "./caller-account";
import { isClientToken } from "./client-token";
import { info, warn } from "./diagnostics";
import { InvitationLoader } from "./invitation-loader";
import { judgeInvitation } from "./invitation-verdict";
import { AwsSettings, RamClients } from "./ram-clients";
import {
    CallContext,
    classifyRejectError,
    describeLookupFailure,
    describeMissingShareInvitation,
    describeRamError,
} from "./rejection-errors";
import { InvitationFacts, invitationFacts, RejectionState } from "./rejection-state";
import { parseSelection, Selection, UNKNOWN } from "./selection";
import { DEFAULT_INVITATION_WAIT_SECONDS, pickShareInvitation, waitForShareInvitation } from "./share-invitation";
import { DEFERRED_FAILURE_INPUT, isPreview, PREVIEW_INPUT } from "./update-phase";

/** The inputs the provider receives, after `check`. */
export interface RejectionInputs {
    /** Given by the program, or found by `check` from `resourceShareArn`. */
    invitationArn?: string;
    /** Given by the program when it selects the invitation by its share. */
    resourceShareArn?: string;
    clientToken: string;
    /** With resourceShareArn: how long to wait for the share's invitation to show up. */
    invitationWaitSeconds?: number;
    /** Found by `check`, so that a reviewer of `pulumi preview --diff` sees who shares what. */
    senderAccountId?: string;
    /** Found by `check`, like senderAccountId. */
    resourceShareName?: string;
    /** Set by the program: false in the update, true in a preview (see update-phase.ts). */
    [PREVIEW_INPUT]?: boolean;
    /** Set by `check` in an update for an invitation RAM will not let us reject; `create` fails with it. */
    [DEFERRED_FAILURE_INPUT]?: string;
}

type CheckFailure = pulumi.dynamic.CheckFailure;

/**
 * The dynamic provider behind {@link InvitationRejection}. Pulumi serializes one instance of it
 * into state and runs it in a separate process; every method therefore resolves what it needs
 * (settings, clients, the invitation loader) at run time, and the instance holds no client or
 * credential when it is serialized.
 */
export class RejectionProvider implements pulumi.dynamic.ResourceProvider<RejectionInputs, RejectionState> {
    private settings: AwsSettings;
    private clients: RamClients | undefined;
    private loader: InvitationLoader | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.settings = {};
        this.clients = undefined;
        this.loader = undefined;
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.settings = { profile: request.config.get("aws:profile") || undefined };
        this.clients = undefined;
        this.loader = undefined;
    }

    async check(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): Promise<pulumi.dynamic.CheckResult> {
        const { selection, failures } = parseSelection(news);
        const inputs: RejectionInputs = {
            invitationArn: news.invitationArn,
            resourceShareArn: news.resourceShareArn,
            clientToken: news.clientToken as string,
            invitationWaitSeconds: news.invitationWaitSeconds,
        };
        if (inputs.clientToken !== UNKNOWN && !isClientToken(inputs.clientToken)) {
            failures.push({
                property: "clientToken",
                reason: "clientToken is set by InvitationRejection from the resource's URN; do not pass it yourself",
            });
        }
        if (!selection || selection.by === "unknown" || failures.length > 0) {
            return { inputs: withoutUndefined(inputs), failures };
        }
        if (selectsSameInvitation(olds, news)) {
            // Nothing to look up: the invitation was checked when the resource was created. Keep
            // what was learnt then, and the token RAM has seen: a rename, an alias or a new
            // parent changes the URN, but must not change the token.
            return {
                inputs: withoutUndefined({
                    ...inputs,
                    invitationArn: olds.invitationArn,
                    clientToken: isClientToken(olds.clientToken) ? olds.clientToken : inputs.clientToken,
                    senderAccountId: olds.senderAccountId,
                    resourceShareName: olds.resourceShareName,
                }),
                failures,
            };
        }
        const checked = await this.checkAgainstRam(selection, inputs);
        if (isPreview(news) || !checked.failures?.length) {
            return checked;
        }
        // In the update, what RAM says about this invitation fails this resource only (see
        // update-phase.ts); offline failures above are bugs in the program and stop the update.
        return {
            inputs: {
                ...checked.inputs,
                [DEFERRED_FAILURE_INPUT]: checked.failures.map((failure) => failure.reason).join("; "),
            },
            failures: [],
        };
    }

    async diff(_id: pulumi.ID, olds: RejectionState, news: RejectionInputs): Promise<pulumi.dynamic.DiffResult> {
        // Only the invitation identifies the rejection. The serialized provider, the token and
        // what check looked up for the reviewer are bookkeeping: a new version of this package
        // must never show a change. A deferred failure must reach create, which reports it.
        if (olds.invitationArn !== news.invitationArn || news[DEFERRED_FAILURE_INPUT] !== undefined) {
            return {
                changes: true,
                replaces: [news.resourceShareArn !== undefined ? "resourceShareArn" : "invitationArn"],
                deleteBeforeReplace: false,
            };
        }
        return { changes: false };
    }

    async create(inputs: RejectionInputs): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
        if (inputs[DEFERRED_FAILURE_INPUT] !== undefined) {
            throw new Error(inputs[DEFERRED_FAILURE_INPUT]);
        }
        const arn = await this.invitationToReject(inputs);
        const client = this.ramClients().forRegion(arn.region);
        let invitation: ResourceShareInvitation | undefined;
        let rejectedAt: string | undefined = new Date().toISOString();
        try {
            const answer = await client.send(
                new RejectResourceShareInvitationCommand({
                    resourceShareInvitationArn: arn.arn,
                    clientToken: inputs.clientToken,
                }),
            );
            invitation = answer.resourceShareInvitation;
        } catch (error) {
            const outcome = classifyRejectError(error);
            if (outcome === "fail") {
                throw new Error(describeRamError(error, await this.callContext(arn), "reject"));
            }
            if (outcome === "expired") {
                warn(`invitation ${arn.arn} has expired; there is nothing to reject. Recording it as EXPIRED.`);
                rejectedAt = undefined;
            }
        }
        invitation ??= await this.lookUp(arn);
        if (invitation) {
            this.invitations().remember(arn.region, invitation);
        }
        const state: RejectionState = {
            ...(invitation ? invitationFacts(invitation) : factsFromArn(arn, rejectedAt ? "REJECTED" : "EXPIRED")),
            clientToken: inputs.clientToken,
        };
        if (rejectedAt) {
            state.rejectedAt = rejectedAt;
        }
        return { id: arn.arn, outs: state };
    }

    async read(id: pulumi.ID, props?: RejectionState): Promise<pulumi.dynamic.ReadResult<RejectionState>> {
        const arn = requireArn(props?.invitationArn ?? id, "invitationArn");
        // A refresh reads every resource in one provider process: one listing of the region
        // answers all of them.
        let invitation: ResourceShareInvitation | undefined;
        try {
            invitation = (await this.invitations().listing(arn.region)).byArn.get(arn.arn);
        } catch (error) {
            throw new Error(describeRamError(error, await this.callContext(arn), "look up"));
        }
        // A rejection is final: when RAM no longer returns the invitation (its share was
        // deleted), the last known state is still the truth.
        if (!invitation) {
            return { id, props };
        }
        return { id, props: { ...(props as RejectionState), ...invitationFacts(invitation) } };
    }

    async delete(id: pulumi.ID): Promise<void> {
        info(`${id}: a rejection cannot be undone; removing it from the stack only.`);
    }

    /** Looks the selected invitation up so that preview fails where `up` would. */
    private async checkAgainstRam(
        selection: Extract<Selection, { arn: RamArn }>,
        inputs: RejectionInputs,
    ): Promise<pulumi.dynamic.CheckResult> {
        const failures: CheckFailure[] = [];
        let invitation: ResourceShareInvitation | undefined;
        try {
            invitation = await this.findForCheck(selection, waitSeconds(inputs));
        } catch (error) {
            const context = contextWithoutAccount(selection.arn.arn, selection.arn.region, this.settings);
            warn(
                `could not look up ${selection.arn.arn} in RAM (${describeLookupFailure(error, context)}); ` +
                    `it was validated offline only.`,
            );
            return { inputs: withoutUndefined(inputs), failures };
        }
        const invitationArn = invitation?.resourceShareInvitationArn ?? inputs.invitationArn ?? selection.arn.arn;
        if (!invitation && selection.by === "resourceShareArn") {
            failures.push({
                property: "resourceShareArn",
                reason: describeMissingShareInvitation(
                    selection.arn.arn,
                    await this.callContext(selection.arn),
                    waitSeconds(inputs),
                ),
            });
        } else {
            let verdict = judgeInvitation(
                invitation,
                contextWithoutAccount(invitationArn, selection.arn.region, this.settings),
            );
            if (!verdict.ok) {
                verdict = judgeInvitation(
                    invitation,
                    await this.callContext(requireArn(invitationArn, "invitationArn")),
                );
            }
            if (!verdict.ok) {
                failures.push({ property: selection.by, reason: verdict.reason });
            } else if (verdict.warning) {
                warn(verdict.warning);
            }
        }
        return {
            inputs: withoutUndefined({
                ...inputs,
                invitationArn,
                senderAccountId: invitation?.senderAccountId,
                resourceShareName: invitation?.resourceShareName,
            }),
            failures,
        };
    }

    // check runs for one resource at a time, so its lookups are answered from one listing of
    // the region (see InvitationLoader); only a miss costs a call of its own.
    private async findForCheck(
        selection: Extract<Selection, { arn: RamArn }>,
        invitationWaitSeconds: number,
    ): Promise<ResourceShareInvitation | undefined> {
        const { region, arn } = selection.arn;
        const listing = await this.invitations().listing(region);
        if (selection.by === "invitationArn") {
            return listing.byArn.get(arn) ?? (await this.invitations().load(region, arn));
        }
        return (
            pickShareInvitation(listing.byShareArn.get(arn) ?? []) ??
            (await waitForShareInvitation(this.invitations(), region, arn, invitationWaitSeconds))
        );
    }

    /** The invitation `create` rejects: as check found it, or found now if check could not look it up. */
    private async invitationToReject(inputs: RejectionInputs): Promise<RamArn> {
        if (inputs.invitationArn !== undefined && inputs.invitationArn !== UNKNOWN) {
            return requireArn(inputs.invitationArn, "invitationArn");
        }
        const share = requireArn(inputs.resourceShareArn, "resourceShareArn");
        const invitation = await waitForShareInvitation(
            this.invitations(),
            share.region,
            share.arn,
            waitSeconds(inputs),
        ).catch(async (error) => {
            throw new Error(describeRamError(error, await this.callContext(share), "look up"));
        });
        if (!invitation?.resourceShareInvitationArn) {
            throw new Error(
                describeMissingShareInvitation(share.arn, await this.callContext(share), waitSeconds(inputs)),
            );
        }
        return requireArn(invitation.resourceShareInvitationArn, "invitationArn");
    }

    private async lookUp(arn: RamArn): Promise<ResourceShareInvitation | undefined> {
        try {
            return await this.invitations().load(arn.region, arn.arn);
        } catch (error) {
            throw new Error(describeRamError(error, await this.callContext(arn), "look up"));
        }
    }

    private ramClients(): RamClients {
        this.clients ??= new RamClients(this.settings);
        return this.clients;
    }

    private invitations(): InvitationLoader {
        const clients = this.ramClients();
        this.loader ??= new InvitationLoader((region) => clients.forLookups(region));
        return this.loader;
    }

    // Only asked for on the way to an error message: naming the account the call ran in is what
    // tells a user whether the credentials or the ARN are wrong.
    private async callContext(arn: RamArn): Promise<CallContext> {
        const accountId = await findCallerAccount(arn.region, this.settings);
        return { ...contextWithoutAccount(arn.arn, arn.region, this.settings), accountId };
    }
}

/** True when the program still selects the invitation that the resource's state already names. */
function selectsSameInvitation(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): boolean {
    if (typeof olds.invitationArn !== "string") {
        return false;
    }
    return news.invitationArn !== undefined
        ? news.invitationArn === olds.invitationArn
        : news.resourceShareArn === olds.resourceShareArn;
}

function contextWithoutAccount(invitationArn: string, region: string, settings: AwsSettings): CallContext {
    return { invitationArn, region, profile: settings.profile };
}

function waitSeconds(inputs: RejectionInputs): number {
    return inputs.invitationWaitSeconds ?? DEFAULT_INVITATION_WAIT_SECONDS;
}

function requireArn(value: unknown, property: "invitationArn" | "resourceShareArn"): RamArn {
    const parsed = parseRamArn(value, property === "invitationArn" ? "resource-share-invitation" : "resource-share");
    if (!parsed.ok) {
        throw new Error(`${property} ${parsed.problems.join("; ")}`);
    }
    return parsed.value;
}

// Pulumi state cannot hold undefined; absent inputs are left out instead.
function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// When RAM does not return the invitation at all, state records what is known without guessing.
function factsFromArn(arn: RamArn, status: string): InvitationFacts {
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

import * as pulumi from "@pulumi/pulumi";
import { RejectResourceShareInvitationCommand, ResourceShareInvitation } from "@aws-sdk/client-ram";
import { parseRamArn, RamArn } from "./arn";
import { isClientToken } from "./client-token";
import { findCallerAccount } from "./caller-account";
import { info, warn } from "./diagnostics";
import { findInvitation } from "./invitation-finder";
import { AwsSettings, RamClients } from "./ram-clients";
import { CallContext, classifyRejectError, describeRamError } from "./rejection-errors";
import { InvitationFacts, invitationFacts, RejectionState } from "./rejection-state";

/** The inputs the provider receives, after `check`. */
export interface RejectionInputs {
    invitationArn: string;
    clientToken: string;
}

// The engine's marker for a value that is not known yet (during preview).
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * The dynamic provider behind {@link InvitationRejection}. Pulumi serializes one instance of it
 * into state and runs it in a separate process; every method therefore resolves what it needs
 * (settings, clients) at run time and the instance holds no client or credential when it is
 * serialized.
 */
export class RejectionProvider implements pulumi.dynamic.ResourceProvider<RejectionInputs, RejectionState> {
    private settings: AwsSettings;
    private clients: RamClients | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.settings = {};
        this.clients = undefined;
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.settings = { profile: request.config.get("aws:profile") || undefined };
        this.clients = undefined;
    }

    async check(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): Promise<pulumi.dynamic.CheckResult> {
        const failures: pulumi.dynamic.CheckFailure[] = [];
        if (news.invitationArn !== UNKNOWN) {
            const parsed = parseRamArn(news.invitationArn, "resource-share-invitation");
            if (!parsed.ok) {
                failures.push(...parsed.problems.map((p) => ({ property: "invitationArn", reason: `invitationArn ${p}` })));
            }
        }
        // Once a token is in state it wins while the invitation stays the same: a rename, an
        // alias or a new parent changes the URN, but must not change the token RAM has seen.
        const keepOldToken = isClientToken(olds.clientToken) && olds.invitationArn === news.invitationArn;
        const clientToken = keepOldToken ? olds.clientToken : news.clientToken;
        if (clientToken !== UNKNOWN && !isClientToken(clientToken)) {
            failures.push({
                property: "clientToken",
                reason: "clientToken is set by InvitationRejection from the resource's URN; do not pass it yourself",
            });
        }
        return { inputs: { invitationArn: news.invitationArn, clientToken }, failures };
    }

    async diff(_id: pulumi.ID, olds: RejectionState, news: RejectionInputs): Promise<pulumi.dynamic.DiffResult> {
        // Only the invitation identifies the rejection. The serialized provider and the client
        // token are bookkeeping: a new version of this package must never show a change.
        if (olds.invitationArn !== news.invitationArn) {
            return { changes: true, replaces: ["invitationArn"], deleteBeforeReplace: false };
        }
        return { changes: false };
    }

    async create(inputs: RejectionInputs): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
        const arn = requireInvitationArn(inputs.invitationArn);
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
        const arn = requireInvitationArn(props?.invitationArn ?? id);
        const invitation = await this.lookUp(arn);
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

    private async lookUp(arn: RamArn): Promise<ResourceShareInvitation | undefined> {
        try {
            return await findInvitation(this.ramClients().forRegion(arn.region), arn.arn);
        } catch (error) {
            throw new Error(describeRamError(error, await this.callContext(arn), "look up"));
        }
    }

    private ramClients(): RamClients {
        this.clients ??= new RamClients(this.settings);
        return this.clients;
    }

    // Only asked for on the way to an error message: naming the account the call ran in is what
    // tells a user whether the credentials or the ARN are wrong.
    private async callContext(arn: RamArn): Promise<CallContext> {
        const accountId = await findCallerAccount(arn.region, this.settings);
        return { invitationArn: arn.arn, region: arn.region, profile: this.settings.profile, accountId };
    }
}

function requireInvitationArn(value: unknown): RamArn {
    const parsed = parseRamArn(value, "resource-share-invitation");
    if (!parsed.ok) {
        throw new Error(`invitationArn ${parsed.problems.join("; ")}`);
    }
    return parsed.value;
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

import type { RamArn } from "./arn";
import { findCallerAccount } from "./caller-account";
import { AwsSettings, RamClients } from "./clients";
import type { CallContext } from "./errors";
import { InvitationLoader } from "./invitation-loader";

/**
 * What one provider process needs to talk to RAM, made on first use: the stack's AWS settings,
 * one client per region and purpose, one invitation loader, and the context every error message
 * names. Never captured at program time, so the serialized provider holds no client or credential.
 */
export class RamSession {
    private clientsByRegion: RamClients | undefined;
    private loader: InvitationLoader | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(readonly settings: AwsSettings) {
        this.clientsByRegion = undefined;
        this.loader = undefined;
    }

    get clients(): RamClients {
        this.clientsByRegion ??= new RamClients(this.settings);
        return this.clientsByRegion;
    }

    /** The one place this process reads invitations from (see InvitationLoader). */
    get invitations(): InvitationLoader {
        const clients = this.clients;
        this.loader ??= new InvitationLoader((region) => clients.forLookups(region));
        return this.loader;
    }

    /** Where a call about `invitationArn` runs, without asking STS for the account. */
    contextWithoutAccount(invitationArn: string, region: string): CallContext {
        return { invitationArn, region, profile: this.settings.profile };
    }

    /**
     * Where a call about `arn` runs, with the caller's account. Only asked for on the way to an
     * error message: naming the account tells a user whether the credentials or the ARN are wrong.
     */
    async callContext(arn: RamArn): Promise<CallContext> {
        return { ...(await this.regionContext(arn.region)), invitationArn: arn.arn };
    }

    /** Where a call about no invitation in particular (a listing) runs in `region`, with the caller's account. */
    async regionContext(region: string): Promise<CallContext> {
        const accountId = await findCallerAccount(region, this.settings);
        return { ...this.contextWithoutAccount("", region), accountId };
    }
}

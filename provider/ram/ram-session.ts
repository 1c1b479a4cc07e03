import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { RamArn } from "../inputs/arn";
import { findCallerAccount, findCallerArn } from "./caller-account";
import { AwsSettings, RamClients } from "./clients";

/** A session's settings: how it reaches AWS, and the accounts it may act in. */
export interface SessionSettings extends AwsSettings {
    allowedAccountIds?: string[];
}
import type { CallContext } from "./messages";
import { InvitationLoader } from "./invitation-loader";
import { roleCredentials } from "./role-access";
import { accountNotAllowedError } from "./allowed-accounts";
import { accountOfRole } from "../inputs/role-inputs";
import { AssociationWatcher } from "./association-watcher";
import { findEverythingShared, SharedWithAccount } from "./share-finders";

/**
 * What one provider process needs to talk to RAM as one identity (the standard chain, or one
 * role), made on first use: one client per region and purpose, one invitation loader, the role's
 * credentials, and the context every error message names. A process that acts for several accounts
 * holds one session per role (see RamSessions), so one account's invitations never answer for
 * another's. Never captured at program time, so the serialized provider holds no client or credential.
 */
export class RamSession {
    private clientsByRegion: RamClients | undefined;
    private loader: InvitationLoader | undefined;
    private assumedRole: AwsCredentialIdentityProvider | undefined;
    private sharedByRegion: Record<string, Promise<SharedWithAccount>>;
    private watchers: Record<string, AssociationWatcher>;
    private allowedAccount: Promise<void> | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(readonly settings: SessionSettings) {
        this.clientsByRegion = undefined;
        this.loader = undefined;
        this.assumedRole = undefined;
        this.sharedByRegion = {};
        this.watchers = {};
        this.allowedAccount = undefined;
    }

    get clients(): RamClients {
        this.clientsByRegion ??= new RamClients(this.settings, this.roleCredentials(), (region) =>
            this.requireAllowedAccount(region),
        );
        return this.clientsByRegion;
    }

    /**
     * Refuses, before any RAM request, to act in an account the provider's `allowedAccountIds` leave
     * out. A role names its account; the standard chain's is asked of STS once (as pulumi-aws does).
     */
    requireAllowedAccount(region: string): Promise<void> {
        const allowed = this.settings.allowedAccountIds;
        if (!allowed) {
            return Promise.resolve();
        }
        this.allowedAccount ??= (async () => {
            const account = this.settings.role
                ? accountOfRole(this.settings.role.roleArn)
                : await findCallerAccount(region, this.settings);
            if (account === undefined || !allowed.includes(account)) {
                throw accountNotAllowedError(account, allowed, this.settings);
            }
        })();
        return this.allowedAccount;
    }

    /** The one place this process reads invitations from, for this identity (see InvitationLoader). */
    get invitations(): InvitationLoader {
        const clients = this.clients;
        this.loader ??= new InvitationLoader((region) => clients.forLookups(region));
        return this.loader;
    }

    /**
     * Everything shared with this identity's account in `region`, listed once per process: a refresh
     * reads every acceptance in one process, so two listings answer all of them. (A failed listing is
     * forgotten, so the next resource asks again.)
     */
    sharedWithAccount(region: string): Promise<SharedWithAccount> {
        const listing = (this.sharedByRegion[region] ??= findEverythingShared(this.clients.forLookups(region)));
        listing.catch(() => delete this.sharedByRegion[region]);
        return listing;
    }

    /** This identity's one watcher of associations in `region`: every acceptance waiting there shares it. */
    associations(region: string): AssociationWatcher {
        this.watchers[region] ??= new AssociationWatcher(this.clients.forLookups(region));
        return this.watchers[region];
    }

    /** Where a call about `invitationArn` runs, without asking STS for the account. */
    contextWithoutAccount(invitationArn: string, region: string): CallContext {
        return { invitationArn, region, profile: this.settings.profile, roleArn: this.settings.role?.roleArn };
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
        // An account the provider may not act in is named by the refusal itself: its role is not
        // assumed to ask STS for what the message already says.
        if (
            await this.requireAllowedAccount(region).then(
                () => false,
                () => true,
            )
        ) {
            return this.contextWithoutAccount("", region);
        }
        // Both only name things in an error message; asked for together, each best effort.
        const [accountId, callerArn] = await Promise.all([
            findCallerAccount(region, this.settings, this.roleCredentials()),
            this.settings.role ? findCallerArn(region, this.settings) : undefined,
        ]);
        return { ...this.contextWithoutAccount("", region), accountId, callerArn };
    }

    /**
     * The role's credentials, one provider for every client of this session (and for the clients of
     * ../organizations/, which read as the same identity); undefined without a role.
     */
    roleCredentials(): AwsCredentialIdentityProvider | undefined {
        if (this.settings.role) {
            this.assumedRole ??= roleCredentials(this.settings.role, this.settings);
        }
        return this.assumedRole;
    }
}

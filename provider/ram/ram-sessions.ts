import type { ProviderConfig } from "./provider-config";
import { accessKey } from "./role-access";
import type { RoleAccess } from "../inputs/role-inputs";
import { RamSession, SessionSettings } from "./ram-session";

/** The default role's session name where neither the configuration nor the stack names one. */
const DEFAULT_SESSION_NAME = "pulumi-ram-invitations";

/**
 * The sessions of one provider process, one per way of reaching AWS (the standard chain, or each
 * role): every cache a session holds (clients, listings, lookup batches, the caller's account) is
 * therefore per account and region, and one account's invitations never answer for another's.
 * The provider's configuration applies to every session: its profile, endpoints and allowed
 * accounts, and its default role for resources that name none.
 */
export class RamSessions {
    private readonly byAccess: Map<string, RamSession>;
    private settings: Omit<SessionSettings, "role">;
    private defaultRole: RoleAccess | undefined;
    private defaultRegion: string | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.byAccess = new Map();
        this.settings = {};
        this.defaultRole = undefined;
        this.defaultRegion = undefined;
    }

    /**
     * Takes the provider's configuration; sessions made before are dropped. `roleSessionName` names the
     * default role's session when the configuration does not (by default, the project and stack).
     */
    configure(config: ProviderConfig, roleSessionName = DEFAULT_SESSION_NAME): void {
        this.settings = {
            profile: config.profile,
            endpoints: config.endpoints,
            allowedAccountIds: config.allowedAccountIds,
        };
        this.defaultRole = config.roleArn
            ? {
                  roleArn: config.roleArn,
                  externalId: config.externalId,
                  roleSessionName: config.roleSessionName ?? roleSessionName,
              }
            : undefined;
        this.defaultRegion = config.region;
        this.byAccess.clear();
    }

    /** The region of calls that name none, when the configuration gives one. */
    get region(): string | undefined {
        return this.defaultRegion;
    }

    /**
     * The session that acts as `role` (or as the provider's default role, or through the standard
     * chain), signed with `profile`'s credentials where a call names a profile of its own.
     */
    forRole(role: RoleAccess | undefined, profile = this.settings.profile): RamSession {
        const acting = role ?? this.defaultRole;
        const key = JSON.stringify([accessKey(acting), profile ?? ""]);
        let session = this.byAccess.get(key);
        if (!session) {
            session = new RamSession({ ...this.settings, profile, role: acting });
            this.byAccess.set(key, session);
        }
        return session;
    }
}

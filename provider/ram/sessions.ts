import type { AwsSettings } from "./clients";
import { accessKey, RoleAccess } from "./role-access";
import { RamSession } from "./session";

/**
 * The sessions of one provider process, one per way of reaching AWS (the standard chain, or each
 * role): every cache a session holds (clients, listings, lookup batches, the caller's account) is
 * therefore per account and region, and one account's invitations never answer for another's.
 */
export class RamSessions {
    private readonly byAccess: Map<string, RamSession>;
    private profile: string | undefined;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.byAccess = new Map();
        this.profile = undefined;
    }

    /** Takes the stack's AWS settings; sessions made before are dropped. */
    configure(settings: Omit<AwsSettings, "role">): void {
        this.profile = settings.profile;
        this.byAccess.clear();
    }

    /** The session that acts as `role` (or through the standard chain, without one). */
    forRole(role: RoleAccess | undefined): RamSession {
        const key = accessKey(role);
        let session = this.byAccess.get(key);
        if (!session) {
            session = new RamSession({ profile: this.profile, role });
            this.byAccess.set(key, session);
        }
        return session;
    }
}

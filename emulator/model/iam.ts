/**
 * IAM roles and the STS sessions issued for them: who may assume a role (its trust), and each
 * session's temporary credentials, which act as the role's account until they expire on the
 * emulator's clock. No HTTP in here; STS's side of AssumeRole is emulator/wire/sts-assume-role.ts.
 */
import { randomBytes, randomInt } from "node:crypto";
import { assumedRoleArn, parseRoleArn } from "./arns";
import type { Clock } from "./clock";
import type { SeedRole } from "./types";

/** IAM's default maximum session duration of a role, and STS's default session length: one hour. */
export const DEFAULT_SESSION_SECONDS = 3600;

/** A role as stored. */
export interface RoleRecord {
    roleArn: string;
    /** IAM's unique id of the role: `AROA` and 17 upper-case letters and digits. */
    roleId: string;
    /** The account the role belongs to (the one in its ARN). */
    accountId: string;
    /** Account ids and role ARNs, as in {@link SeedRole}. */
    trustedPrincipals: string[];
    externalId?: string;
    maxSessionDurationSeconds: number;
}

/** A session of a role: its temporary credentials and who it is. */
export interface SessionRecord {
    /** `ASIA` and 16 upper-case letters and digits. */
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    roleArn: string;
    roleSessionName: string;
    /** The role's account: the account the credentials act as. */
    accountId: string;
    /** `arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>` */
    assumedRoleArn: string;
    /** `<role id>:<session name>` */
    assumedRoleId: string;
    issuedAtMs: number;
    /** On the emulator's clock; from then on the credentials are refused as expired. */
    expiresAtMs: number;
}

/** Who asks to assume a role: an account's own access key, or a session of a role (role chaining). */
export interface Principal {
    accountId: string;
    session?: SessionRecord;
}

/** Roles and sessions as plain data, for the state file. */
export interface IamSnapshot {
    roles: RoleRecord[];
    sessions: SessionRecord[];
}

const UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** `prefix` and `length` random upper-case letters and digits, as AWS's key and role ids look. */
function randomId(prefix: string, length: number): string {
    return prefix + Array.from({ length }, () => UPPER_ALPHANUMERIC[randomInt(UPPER_ALPHANUMERIC.length)]).join("");
}

/** Roles by ARN and sessions by access key id, in creation order. */
export class Iam {
    private readonly roles = new Map<string, RoleRecord>();
    private readonly sessions = new Map<string, SessionRecord>();

    constructor(private readonly clock: Clock) {}

    /**
     * Adds a role (its ARN checked by seeding), or replaces the trust of one that is there already,
     * keeping its id, as editing a role's trust policy does.
     */
    putRole(spec: SeedRole): RoleRecord {
        const role: RoleRecord = {
            roleArn: spec.roleArn,
            roleId: this.roles.get(spec.roleArn)?.roleId ?? randomId("AROA", 17),
            accountId: parseRoleArn(spec.roleArn)!.accountId,
            trustedPrincipals: [...spec.trustedPrincipals],
            externalId: spec.externalId,
            maxSessionDurationSeconds: spec.maxSessionDurationSeconds ?? DEFAULT_SESSION_SECONDS,
        };
        this.roles.set(role.roleArn, role);
        return role;
    }

    role(roleArn: string): RoleRecord | undefined {
        return this.roles.get(roleArn);
    }

    listRoles(): RoleRecord[] {
        return [...this.roles.values()];
    }

    /**
     * Whether `principal` may assume `role`, as its trust policy decides: the principal's account
     * is trusted, or it is a session of a trusted role; and it passes the role's external id, if
     * the role has one (one passed to a role without is ignored, as STS does).
     */
    trusts(role: RoleRecord, principal: Principal, externalId: string | undefined): boolean {
        const trusted =
            role.trustedPrincipals.includes(principal.accountId) ||
            (principal.session !== undefined && role.trustedPrincipals.includes(principal.session.roleArn));
        return trusted && (role.externalId === undefined || role.externalId === externalId);
    }

    /** New temporary credentials for a session of `role`, good for `durationSeconds` on the emulator's clock. */
    startSession(role: RoleRecord, roleSessionName: string, durationSeconds: number): SessionRecord {
        const now = this.clock.now();
        const session: SessionRecord = {
            accessKeyId: randomId("ASIA", 16),
            secretAccessKey: randomBytes(30).toString("base64"),
            sessionToken: randomBytes(192).toString("base64"),
            roleArn: role.roleArn,
            roleSessionName,
            accountId: role.accountId,
            assumedRoleArn: assumedRoleArn(parseRoleArn(role.roleArn)!, roleSessionName),
            assumedRoleId: `${role.roleId}:${roleSessionName}`,
            issuedAtMs: now,
            // STS states an expiration to the second.
            expiresAtMs: Math.floor(now / 1000) * 1000 + durationSeconds * 1000,
        };
        this.sessions.set(session.accessKeyId, session);
        return session;
    }

    /** The session whose temporary credentials have this access key id, expired or not. */
    session(accessKeyId: string): SessionRecord | undefined {
        return this.sessions.get(accessKeyId);
    }

    listSessions(): SessionRecord[] {
        return [...this.sessions.values()];
    }

    isExpired(session: SessionRecord): boolean {
        return this.clock.now() >= session.expiresAtMs;
    }

    clear(): void {
        this.roles.clear();
        this.sessions.clear();
    }

    snapshot(): IamSnapshot {
        return { roles: this.listRoles(), sessions: this.listSessions() };
    }

    restore(snapshot: IamSnapshot): void {
        this.clear();
        snapshot.roles.forEach((r) => this.roles.set(r.roleArn, r));
        snapshot.sessions.forEach((s) => this.sessions.set(s.accessKeyId, s));
    }
}

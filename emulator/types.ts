/**
 * The emulator's public data types: the seed, the admin API's requests and answers, and the
 * call log. Both the admin server and {@link EmulatorAdmin} speak in these.
 */
import type { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import type { RamOperationName } from "./ram-schema";

export type { RamOperationName };

/** An invitation's status, as RAM names it: PENDING, ACCEPTED, REJECTED or EXPIRED. */
export type InvitationStatus = ResourceShareInvitationStatus;

/** An AWS account the emulator knows, and the access key its requests are signed with. */
export interface SeedAccount {
    /** The 12-digit account id. */
    accountId: string;
    /** The access key id that identifies this account in a request's SigV4 `Authorization` header. */
    accessKeyId: string;
    /** When given, every request with this access key must carry a valid SigV4 signature made with it. */
    secretAccessKey?: string;
    /** A label for people reading logs and state; RAM never sees it. */
    name?: string;
}

/** A resource share to create while seeding, as its owner would with CreateResourceShare. */
export interface SeedShare {
    /** The share's name. */
    name: string;
    /** The 12-digit id of the owning (sending) account. */
    ownerAccountId: string;
    /** The region the share and its invitations live in, e.g. `us-east-1`. */
    region: string;
    /** Account ids that receive a PENDING invitation to this share. */
    principals?: string[];
    /**
     * RAM is eventually consistent: a new invitation can take a while to show up. The
     * invitations of this share are invisible (not listed, not found, not acceptable) until
     * this many milliseconds on the emulator's clock after creation. Default 0.
     */
    invitationVisibleAfterMs?: number;
}

/** What to put into the emulator: accounts first, then shares with their invitations. */
export interface Seed {
    accounts: SeedAccount[];
    resourceShares?: SeedShare[];
}

/** A share created by seeding, with the ARN of the invitation each principal received. */
export interface SeededShare {
    resourceShareArn: string;
    name: string;
    ownerAccountId: string;
    region: string;
    /** Invitation ARN by receiving account id. */
    invitationArns: Record<string, string>;
}

/** The answer to a seed: what was created, in the order the seed listed it. */
export interface SeededState {
    accounts: { accountId: string; accessKeyId: string; name?: string }[];
    resourceShares: SeededShare[];
}

/**
 * Faults injected into one operation. Faults that refuse a request (throttling, 5xx) act
 * before the operation runs, so they never change state; a dropped connection acts after.
 */
export interface OperationFaults {
    /** Delay before the request is handled, in milliseconds. */
    latencyMs?: number;
    /** Answer `ThrottlingException` (429) to requests beyond this many in any sliding one-second window. */
    maxRequestsPerSecond?: number;
    /** The next N requests are answered with `ThrottlingException`, whatever the rate. */
    throttleNext?: number;
    /** Probability (0 to 1) that a request is answered with a server error instead of being handled. */
    serverErrorRate?: number;
    /** The next N requests are answered with a server error, whatever the rate. */
    serverErrorNext?: number;
    /** 500 answers `ServerInternalException`, 503 `ServiceUnavailableException`. Default 500. */
    serverErrorStatus?: 500 | 503;
    /**
     * Probability (0 to 1) that a request that succeeds commits its change and then loses its
     * connection instead of getting the answer: the case client tokens exist for.
     */
    dropAfterCommitRate?: number;
    /** The next N requests that succeed commit and then lose their connection. */
    dropAfterCommitNext?: number;
    /** The next N requests are answered with `errorName`, whatever else holds. */
    errorNext?: number;
    /**
     * With `errorNext`: the name of an error RAM's model declares, e.g.
     * `OperationNotPermittedException`, answered with the status the model gives it.
     */
    errorName?: string;
}

/** The outcome of a call: "ok", or the name of the error it was answered with. */
export type CallOutcome = "ok" | (string & {});

/** One request to the RAM endpoint, as the call log records it. */
export interface CallLogEntry {
    /** 1, 2, 3, ... in the order requests finished; restarts at 1 after a reset. */
    sequence: number;
    /** When the request finished, on the emulator's clock (ISO 8601). */
    time: string;
    /** The operation, named like the SDK command without `Command`. */
    operation: RamOperationName;
    /** The calling account, or null when the request was not authenticated. */
    accountId: string | null;
    /** The region from the SigV4 credential scope, or null when there was none. */
    region: string | null;
    /** The request body as parsed JSON, or null when it was not JSON. */
    parameters: unknown;
    /** "ok" or the error name the caller was answered with. */
    outcome: CallOutcome;
    /** The HTTP status answered (or, for a dropped connection, the one that would have been). */
    httpStatus: number;
    /** Whether this call changed state (created a share, accepted or rejected an invitation). */
    stateChanged: boolean;
    /** Whether this call was answered from the client-token ledger: the original reply, again. */
    idempotentReplay: boolean;
    /** Whether the connection was destroyed instead of answering (drop-after-commit fault). */
    connectionDropped: boolean;
}

/** Which call-log entries to read; every given field must match. */
export interface CallFilter {
    operation?: RamOperationName;
    accountId?: string;
}

/** An invitation as the admin API shows it (more than RAM shows: region, visibility). */
export interface InvitationView {
    resourceShareInvitationArn: string;
    resourceShareArn: string;
    resourceShareName: string;
    senderAccountId: string;
    receiverAccountId: string;
    region: string;
    /** When it was sent (ISO 8601, emulator clock). */
    invitationTimestamp: string;
    /** The status RAM reports now: a PENDING invitation older than seven days reads EXPIRED. */
    status: InvitationStatus;
    /** When it becomes visible to its receiver (ISO 8601, emulator clock). */
    visibleAt: string;
}

/** A resource share as the admin API shows it. */
export interface ResourceShareView {
    resourceShareArn: string;
    name: string;
    ownerAccountId: string;
    region: string;
    principals: string[];
    resourceArns: string[];
    allowExternalPrincipals: boolean;
    /** ISO 8601, emulator clock. */
    creationTime: string;
}

/** Everything the emulator holds, for assertions and debugging. Secret keys are left out. */
export interface EmulatorStateSnapshot {
    /** The emulator's clock now (ISO 8601). */
    now: string;
    /** How far the clock was moved ahead of real time. */
    clockOffsetMs: number;
    /** The seed of the generator behind probabilistic faults. */
    randomSeed: number;
    accounts: { accountId: string; accessKeyId: string; name?: string; verifiesSignatures: boolean }[];
    resourceShares: ResourceShareView[];
    invitations: InvitationView[];
    /** Faults by operation, with "next N" counters as far as they have counted down. */
    faults: Partial<Record<RamOperationName, OperationFaults>>;
    /** How many client tokens the idempotency ledger remembers. */
    clientTokenCount: number;
}

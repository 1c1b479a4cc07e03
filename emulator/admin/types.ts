/**
 * What the admin API answers besides seeds and the call log: invitations and shares as it shows
 * them, and the whole state.
 */
import type { OperationFaults } from "../faults/types";
import type { InvitationDescription } from "../model/types";
import type { RamOperationName } from "../wire/ram-schema";

/**
 * An invitation as the admin API shows it: as RAM describes it ({@link InvitationDescription}),
 * with ISO 8601 times, and what RAM does not show (its region and when it becomes visible).
 */
export interface InvitationView extends Omit<InvitationDescription, "invitationTimestamp"> {
    /** When it was sent (ISO 8601, emulator clock). */
    invitationTimestamp: string;
    region: string;
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

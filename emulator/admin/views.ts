/**
 * What the admin API shows of the emulator's state. An invitation is shown as RAM describes it
 * (the model's `describeInvitation`, so its shape is written once) plus what RAM does not show.
 */
import type { Emulator } from "../emulator";
import { isoTime } from "../model/clock";
import type { InvitationRecord, ShareRecord, Store } from "../model/store";
import type { EmulatorStateSnapshot, InvitationView, ResourceShareView } from "./types";

/** An invitation as the admin API shows it: RAM's description, ISO times, region and visibility. */
export function invitationView(store: Store, invitation: InvitationRecord): InvitationView {
    const described = store.describeInvitation(invitation);
    return {
        ...described,
        invitationTimestamp: described.invitationTimestamp.toISOString(),
        region: invitation.region,
        visibleAt: isoTime(invitation.visibleAtMs),
    };
}

/** A share as the admin API shows it: the stored share, its creation time in ISO 8601 and without its tags. */
export function shareView(share: ShareRecord): ResourceShareView {
    const { createdAtMs, tags: _tags, ...shown } = share;
    return { ...shown, creationTime: isoTime(createdAtMs) };
}

/** Everything the emulator holds, without secret keys. */
export function stateSnapshot(emulator: Emulator): EmulatorStateSnapshot {
    const { store, clock } = emulator;
    return {
        now: clock.isoNow(),
        clockOffsetMs: clock.offsetMs,
        randomSeed: emulator.randomSeed,
        accounts: store.listAccounts().map(({ accountId, accessKeyId, name, secretAccessKey }) => ({
            accountId,
            accessKeyId,
            name,
            verifiesSignatures: secretAccessKey !== undefined,
        })),
        resourceShares: store.listShares().map(shareView),
        invitations: store.listInvitations().map((i) => invitationView(store, i)),
        faults: emulator.faults.snapshot(),
        clientTokenCount: emulator.ledger.size,
    };
}

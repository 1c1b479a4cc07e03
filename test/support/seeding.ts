/** Seeding the emulator with what the tests reject: invitations from SENDER to RECEIVER. */
import type { RunningEmulator, SeedAccount, SeedShare } from "../../emulator";
import { RECEIVER, SENDER } from "./accounts";

/** Invitations alternate between two regions: the provider must call the region of each ARN. */
export const REGIONS = ["eu-west-1", "us-east-1"];

/** Seeds `count` PENDING invitations from SENDER to `receiver`, one share each, in alternating regions. */
export function seedInvitations(
    emulator: RunningEmulator,
    count: number,
    receiver: SeedAccount = RECEIVER,
): Promise<string[]> {
    return emulator.admin.seedPendingInvitations({ sender: SENDER, receiver, count, regions: REGIONS });
}

/** A share and the invitation it sent to RECEIVER. */
export interface SeededShare {
    share: string;
    invitation: string;
}

/**
 * Seeds `count` shares from SENDER to RECEIVER in `region` (named by `name`, with `extra` fields
 * such as `invitationVisibleAfterMs`) and forgets the seed's calls; answers each share with its
 * invitation.
 */
export async function seedShares(
    emulator: RunningEmulator,
    count: number,
    options: { region: string; name?: (i: number) => string; extra?: Partial<SeedShare> },
): Promise<SeededShare[]> {
    const seeded = await emulator.admin.seed({
        accounts: [SENDER, RECEIVER],
        resourceShares: Array.from({ length: count }, (_, i) => ({
            name: options.name?.(i) ?? `share-${i}`,
            ownerAccountId: SENDER.accountId,
            region: options.region,
            principals: [RECEIVER.accountId],
            ...options.extra,
        })),
    });
    await emulator.admin.clearCalls();
    return seeded.resourceShares.map((s) => ({
        share: s.resourceShareArn,
        invitation: s.invitationArns[RECEIVER.accountId],
    }));
}

/** The subnet SENDER shares in `region` in the tests of acceptances. */
export function senderSubnet(region: string): string {
    return `arn:aws:ec2:${region}:${SENDER.accountId}:subnet/subnet-0abc`;
}

/** A share `name` from SENDER to RECEIVER of {@link senderSubnet}; its association takes `associationDelayMs`. */
export function subnetShare(name: string, region: string, associationDelayMs: number): SeedShare {
    return {
        name,
        ownerAccountId: SENDER.accountId,
        region,
        principals: [RECEIVER.accountId],
        resourceArns: [senderSubnet(region)],
        associationDelayMs,
    };
}

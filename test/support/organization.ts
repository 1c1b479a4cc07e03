/**
 * One AWS Organization for the end-to-end tests of organization targets: an OU with a nested OU
 * (an ACTIVE account in each, and a suspended one), another OU, and accounts outside it; the
 * receiving account is a delegated administrator, so the provider's own credentials read it.
 */
import type { RunningEmulator, SeedAccount } from "../../emulator";
import { HUB, RECEIVER } from "./accounts";

import { ALLOWED_OU, MEMBER_IDS, NESTED_OU, ORGANIZATION_ID, OTHER_OU, ROOT_ID } from "./organization-ids";

export { ALLOWED_OU, NESTED_OU, ORGANIZATION_ID, OTHER_OU, ROOT_ID };

function sender(accountId: string, name: string): SeedAccount {
    return { accountId, accessKeyId: `AKID${name.toUpperCase().padEnd(16, "0")}`, name };
}

/** The senders, by where they are. */
export const SENDERS = {
    inOu: sender(MEMBER_IDS.inOu, "in-ou"),
    inNestedOu: sender(MEMBER_IDS.inNestedOu, "in-nested"),
    inOtherOu: sender(MEMBER_IDS.inOtherOu, "in-other"),
    suspended: sender(MEMBER_IDS.suspended, "suspended"),
    outsider: sender("600000000001", "outsider-a"),
    secondOutsider: sender("600000000002", "outsider-b"),
    /** Outside the organization, and allowed by its account id. */
    partner: sender("555555555555", "partner"),
    /** Outside the organization until a test makes it join the nested OU. */
    joiner: sender("100000000009", "joiner"),
};

/** Seeds the organization; the receiver reads it as a delegated administrator unless `readable` is false. */
export async function seedOrganization(emulator: RunningEmulator, readable = true): Promise<void> {
    await emulator.admin.seed({
        accounts: [HUB, RECEIVER, ...Object.values(SENDERS)],
        organization: {
            id: ORGANIZATION_ID,
            managementAccountId: HUB.accountId,
            rootId: ROOT_ID,
            delegatedAdministrators: readable ? [RECEIVER.accountId] : [],
            organizationalUnits: [
                { id: ALLOWED_OU, name: "platform", parentId: ROOT_ID },
                { id: NESTED_OU, name: "platform-nested", parentId: ALLOWED_OU },
                { id: OTHER_OU, name: "sandbox", parentId: ROOT_ID },
            ],
            accounts: [
                { id: RECEIVER.accountId, parentId: OTHER_OU },
                { id: SENDERS.inOu.accountId, parentId: ALLOWED_OU },
                { id: SENDERS.inNestedOu.accountId, parentId: NESTED_OU },
                { id: SENDERS.suspended.accountId, parentId: NESTED_OU, status: "SUSPENDED" },
                { id: SENDERS.inOtherOu.accountId, parentId: OTHER_OU },
            ],
        },
    });
}

/** One pending invitation from `from` to the receiver; its ARN. */
export async function inviteFrom(emulator: RunningEmulator, from: SeedAccount, region: string): Promise<string> {
    const [arn] = await emulator.admin.seedPendingInvitations({
        sender: from,
        receiver: RECEIVER,
        count: 1,
        regions: [region],
        namePrefix: `from-${from.name}`,
    });
    return arn;
}

import { GetResourceShareInvitationsCommand } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator, Seed, SeededState } from "../../../emulator";
import { BASIC_SEED, BYSTANDER, ramClient, RECEIVER, SENDER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

/** A region, and the partition AWS names its ARNs with. */
const REGIONS: { region: string; partition: string }[] = [
    { region: "us-east-1", partition: "aws" },
    { region: "us-gov-west-1", partition: "aws-us-gov" },
    { region: "cn-north-1", partition: "aws-cn" },
    { region: "eusc-de-east-1", partition: "aws-eusc" },
    { region: "us-iso-east-1", partition: "aws-iso" },
    { region: "us-isob-east-1", partition: "aws-iso-b" },
    { region: "eu-isoe-west-1", partition: "aws-iso-e" },
    { region: "us-isof-south-1", partition: "aws-iso-f" },
];

/** A share from the sender to the receiver in `region`. */
function share(region: string) {
    return { name: "s", ownerAccountId: SENDER.accountId, region, principals: [RECEIVER.accountId] };
}

/** Seeds the emulator must refuse whole, each with why. */
const BAD_SEEDS: { title: string; seed: unknown }[] = [
    { title: "short account id", seed: { accounts: [{ accountId: "12", accessKeyId: "A" }] } },
    // The receiver's access key, claimed by another account.
    {
        title: "access key of another account",
        seed: { accounts: [{ accountId: "444444444444", accessKeyId: RECEIVER.accessKeyId }] },
    },
    { title: "region mars", seed: { accounts: [], resourceShares: [share("mars")] } },
    // A region name ends in a number.
    { title: "region us-east", seed: { accounts: [], resourceShares: [share("us-east")] } },
    { title: "upper-case region", seed: { accounts: [], resourceShares: [share("EU-WEST-1")] } },
    // The first share and the account are fine; the second share spoils the whole seed.
    {
        title: "one bad share among good ones",
        seed: {
            accounts: [{ accountId: "555555555555", accessKeyId: "AKIDNEWACCOUNT00001" }],
            resourceShares: [share("us-east-1"), share("mars")],
        },
    },
];

describe("emulator: seeding", () => {
    let emulator: RunningEmulator;
    let seeded: SeededState;

    const suite = emulatorPerSuite();
    before(() => (emulator = suite.emulator));
    beforeEach(async () => {
        seeded = await emulator.admin.seed(BASIC_SEED);
    });

    it("names shares and invitations as RAM does: the invitation carries the sender account", () => {
        const [{ resourceShareArn, invitationArns }] = seeded.resourceShares;
        expect(resourceShareArn).to.match(/^arn:aws:ram:eu-west-1:111111111111:resource-share\/[0-9a-f-]{36}$/);
        expect(invitationArns[RECEIVER.accountId]).to.match(
            /^arn:aws:ram:eu-west-1:111111111111:resource-share-invitation\/[0-9a-f-]{36}$/,
        );
        expect(seeded.accounts.map((a) => a.accountId)).to.deep.equal([
            SENDER.accountId,
            RECEIVER.accountId,
            BYSTANDER.accountId,
        ]);
    });

    // A share in the region gets ARNs in the region's partition, and its receiver finds the
    // invitation there through the SDK.
    for (const { region, partition } of REGIONS) {
        it(`seeds ${region} in ${partition}`, async () => {
            const [{ resourceShareArn, invitationArns }] = (
                await emulator.admin.seed({ accounts: [], resourceShares: [share(region)] })
            ).resourceShares;
            const invitationArn = invitationArns[RECEIVER.accountId];
            expect(resourceShareArn).to.match(
                new RegExp(`^arn:${partition}:ram:${region}:111111111111:resource-share/`),
            );
            expect(invitationArn).to.match(
                new RegExp(`^arn:${partition}:ram:${region}:111111111111:resource-share-invitation/`),
            );
            const { resourceShareInvitations } = await ramClient(emulator.endpoint, RECEIVER, { region }).send(
                new GetResourceShareInvitationsCommand({}),
            );
            expect(resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([invitationArn]);
        });
    }

    // Refused with 400, and none of it applied.
    for (const c of BAD_SEEDS) {
        it(`refuses a seed: ${c.title}`, async () => {
            const before = await emulator.admin.state();
            const refused = await emulator.admin.seed(c.seed as Seed).catch((e: unknown) => e);
            expect(refused, JSON.stringify(c.seed))
                .to.be.instanceOf(EmulatorAdminError)
                .and.to.have.property("status", 400);
            const after = await emulator.admin.state();
            expect(after.accounts).to.deep.equal(before.accounts);
            expect(after.resourceShares).to.deep.equal(before.resourceShares);
        });
    }
});

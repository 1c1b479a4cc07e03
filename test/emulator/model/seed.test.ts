import { GetResourceShareInvitationsCommand } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator, Seed, SeededState } from "../../../emulator";
import { BASIC_SEED, BYSTANDER, expectSeedRefused, ramClient, RECEIVER, SENDER } from "../helpers";
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

/** A role in the receiver's account that the sender may assume, with `extra` fields. */
function role(extra: Record<string, unknown> = {}) {
    return { roleArn: `arn:aws:iam::${RECEIVER.accountId}:role/r`, trustedPrincipals: [SENDER.accountId], ...extra };
}

/** A seed of roles only. */
function roles(...list: unknown[]) {
    return { accounts: [], roles: list };
}

/** Seeds the emulator must refuse whole, each with why and the one path its refusal names. */
const BAD_SEEDS: { title: string; path: string; seed: unknown }[] = [
    { title: "page size 0", path: "pageSize", seed: { accounts: [], pageSize: 0 } },
    { title: "page size over 500", path: "pageSize", seed: { accounts: [], pageSize: 501 } },
    {
        title: "short account id",
        path: "accounts[0].accountId",
        seed: { accounts: [{ accountId: "12", accessKeyId: "A" }] },
    },
    // The receiver's access key, claimed by another account.
    {
        title: "access key of another account",
        path: "accounts[0].accessKeyId",
        seed: { accounts: [{ accountId: "444444444444", accessKeyId: RECEIVER.accessKeyId }] },
    },
    { title: "region mars", path: "resourceShares[0].region", seed: { accounts: [], resourceShares: [share("mars")] } },
    // A region name ends in a number.
    {
        title: "region us-east",
        path: "resourceShares[0].region",
        seed: { accounts: [], resourceShares: [share("us-east")] },
    },
    {
        title: "upper-case region",
        path: "resourceShares[0].region",
        seed: { accounts: [], resourceShares: [share("EU-WEST-1")] },
    },
    // The first share and the account are fine; the second share spoils the whole seed.
    {
        title: "one bad share among good ones",
        path: "resourceShares[1].region",
        seed: {
            accounts: [{ accountId: "555555555555", accessKeyId: "AKIDNEWACCOUNT00001" }],
            resourceShares: [share("us-east-1"), share("mars")],
        },
    },
    { title: "roles not a list", path: "roles", seed: { accounts: [], roles: {} } },
    { title: "role ARN not an ARN", path: "roles[0].roleArn", seed: roles(role({ roleArn: "role/r" })) },
    {
        title: "a user's ARN",
        path: "roles[0].roleArn",
        seed: roles(role({ roleArn: `arn:aws:iam::${RECEIVER.accountId}:user/u` })),
    },
    {
        title: "role with a region",
        path: "roles[0].roleArn",
        seed: roles(role({ roleArn: `arn:aws:iam:eu-west-1:${RECEIVER.accountId}:role/r` })),
    },
    {
        title: "role of an unseeded account",
        path: "roles[0].roleArn",
        seed: roles(role({ roleArn: "arn:aws:iam::999999999999:role/r" })),
    },
    {
        title: "no trusted principals",
        path: "roles[0].trustedPrincipals",
        seed: roles(role({ trustedPrincipals: [] })),
    },
    {
        title: "trusted principal '*'",
        path: "roles[0].trustedPrincipals[0]",
        seed: roles(role({ trustedPrincipals: ["*"] })),
    },
    // IAM refuses a trust policy that names a role that does not exist.
    {
        title: "trusted role not seeded",
        path: "roles[0].trustedPrincipals[0]",
        seed: roles(role({ trustedPrincipals: [`arn:aws:iam::${SENDER.accountId}:role/missing`] })),
    },
    { title: "one-letter external id", path: "roles[0].externalId", seed: roles(role({ externalId: "x" })) },
    { title: "external id with a space", path: "roles[0].externalId", seed: roles(role({ externalId: "a b" })) },
    {
        title: "max session 900",
        path: "roles[0].maxSessionDurationSeconds",
        seed: roles(role({ maxSessionDurationSeconds: 900 })),
    },
    {
        title: "max session 43201",
        path: "roles[0].maxSessionDurationSeconds",
        seed: roles(role({ maxSessionDurationSeconds: 43201 })),
    },
    { title: "the same role twice", path: "roles[1].roleArn", seed: roles(role(), role()) },
    // The account and the first role are fine; the second role spoils the whole seed.
    {
        title: "one bad role among good ones",
        path: "roles[1].externalId",
        seed: {
            accounts: [{ accountId: "555555555555", accessKeyId: "AKIDNEWACCOUNT00001" }],
            roles: [role(), role({ roleArn: "arn:aws:iam::555555555555:role/x", externalId: 7 })],
        },
    },
];

/** Role ARNs a seed accepts: any partition, a path, the characters IAM allows in a name. */
const GOOD_ROLE_ARNS = [
    `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`,
    `arn:aws-cn:iam::${RECEIVER.accountId}:role/cn`,
    `arn:aws-us-gov:iam::${RECEIVER.accountId}:role/gov`,
    `arn:aws-iso-b:iam::${RECEIVER.accountId}:role/iso-b`,
    `arn:aws:iam::${RECEIVER.accountId}:role/team/ci/deployer`,
    `arn:aws:iam::${RECEIVER.accountId}:role/a_b+c=d,e.f@g-h`,
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

    it("pages every listing by the seeded page size, whatever maxResults asks, until a reset", async () => {
        const shares = ["a", "b", "c"].map((name) => ({ ...share("eu-west-1"), name }));
        await emulator.admin.seed({ accounts: [], resourceShares: shares, pageSize: 1 });
        const client = ramClient(emulator.endpoint, RECEIVER);
        const names: string[][] = [];
        let nextToken: string | undefined;
        do {
            const page = await client.send(new GetResourceShareInvitationsCommand({ maxResults: 500, nextToken }));
            names.push((page.resourceShareInvitations ?? []).map((i) => i.resourceShareName ?? ""));
            nextToken = page.nextToken;
        } while (nextToken);
        // The basic seed's "subnets", then the three shares, one page each.
        expect(names).to.deep.equal([["subnets"], ["a"], ["b"], ["c"]]);

        await emulator.admin.reset();
        await emulator.admin.seed({ ...BASIC_SEED, resourceShares: shares });
        const whole = await client.send(new GetResourceShareInvitationsCommand({}));
        expect(whole.resourceShareInvitations).to.have.length(3);
        expect(whole.nextToken).to.equal(undefined);
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
            await expectSeedRefused(emulator, c.seed, c.path);
            const after = await emulator.admin.state();
            expect(after.accounts).to.deep.equal(before.accounts);
            expect(after.roles).to.deep.equal(before.roles);
            expect(after.resourceShares).to.deep.equal(before.resourceShares);
        });
    }

    it("reports every problem of a seed at once", async () => {
        const refused = await emulator.admin
            .seed({
                accounts: [{ accountId: "12", accessKeyId: "A" }],
                roles: [role({ externalId: "x" }), role({ roleArn: "arn:aws:iam::999999999999:role/r" })],
                resourceShares: [share("mars")],
            } as Seed)
            .catch((e: unknown) => e);
        expect(refused).to.be.instanceOf(EmulatorAdminError);
        const { message } = refused as EmulatorAdminError;
        for (const path of [
            "accounts[0].accountId",
            "roles[0].externalId",
            "roles[1].roleArn",
            "resourceShares[0].region",
        ]) {
            expect(message).to.contain(`seed ${path} must be`);
        }
    });

    it("seeds roles of every partition", async () => {
        const { roles: seededRoles } = await emulator.admin.seed(
            roles(...GOOD_ROLE_ARNS.map((roleArn) => role({ roleArn }))) as Seed,
        );
        expect(seededRoles.map((r) => r.roleArn)).to.deep.equal(GOOD_ROLE_ARNS);
        for (const { roleId } of seededRoles) {
            expect(roleId).to.match(/^AROA[A-Z0-9]{17}$/);
        }
    });

    // A role may trust one later in the seed or in an earlier seed; seeding a role again
    // replaces its trust and keeps its id.
    it("links roles across a seed and across seeds", async () => {
        const first = role({ roleArn: `arn:aws:iam::${SENDER.accountId}:role/first` });
        const second = role({ trustedPrincipals: [first.roleArn] });
        const { roles: before } = await emulator.admin.seed(roles(second, first) as Seed);
        const { roles: after } = await emulator.admin.seed(
            roles({ ...second, trustedPrincipals: [SENDER.accountId] }) as Seed,
        );
        expect(after[0].roleId).to.equal(before[0].roleId);
        const shown = (await emulator.admin.state()).roles.find((r) => r.roleArn === second.roleArn);
        expect(shown?.trustedPrincipals).to.deep.equal([SENDER.accountId]);
    });
});

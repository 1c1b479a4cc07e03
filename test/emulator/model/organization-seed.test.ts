/**
 * Seeding the emulator's AWS Organization: every malformed or inconsistent organization refused
 * whole (naming the one path at fault, or every problem at once), the tree a valid seed holds, a
 * reseed or reset, and the organization kept in the state file across a restart.
 */
import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunningEmulator, Seed, SeedOrganization, startEmulator } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import {
    BYSTANDER,
    expectSeedRefused,
    ORG,
    ORGANIZATION_SEED,
    organizationsClient,
    RECEIVER,
    SENDER,
} from "../helpers";

/** The smallest organization: the sender manages it, alone in its root. */
const BASE: SeedOrganization = { id: ORG.id, managementAccountId: SENDER.accountId, rootId: ORG.rootId };

/** A seed of the sender and the receiver, and {@link BASE} with `change` made to it. */
function organization(change: Partial<Record<keyof SeedOrganization, unknown>>): unknown {
    return { accounts: [SENDER, RECEIVER], organization: { ...BASE, ...change } };
}

/** A seed of {@link BASE} with these OUs, each `[id, name, parentId]`. */
function withOus(...units: [string, string, string][]): unknown {
    return organization({ organizationalUnits: units.map(([id, name, parentId]) => ({ id, name, parentId })) });
}

/** Seeds the emulator must refuse whole, each with why and the one path its refusal names. */
const BAD_SEEDS: { title: string; path: string; seed: unknown }[] = [
    { title: "organization not an object", path: "organization", seed: { accounts: [], organization: [] } },
    { title: "organization id without o-", path: "organization.id", seed: organization({ id: "exampleorg1" }) },
    { title: "organization id too short", path: "organization.id", seed: organization({ id: "o-abc" }) },
    { title: "upper-case root id", path: "organization.rootId", seed: organization({ rootId: "r-EX12" }) },
    // The management account must be able to call, so it must have credentials.
    {
        title: "management account not seeded",
        path: "organization.managementAccountId",
        seed: organization({ managementAccountId: "888888888888" }),
    },
    {
        title: "OU id without its second part",
        path: "organization.organizationalUnits[0].id",
        seed: withOus(["ou-ex12", "x", ORG.rootId]),
    },
    {
        title: "OU under an unknown parent",
        path: "organization.organizationalUnits[0].parentId",
        seed: withOus([ORG.prodOu, "x", "r-zz99"]),
    },
    {
        title: "OU without a name",
        path: "organization.organizationalUnits[0].name",
        seed: withOus([ORG.prodOu, "", ORG.rootId]),
    },
    {
        title: "an OU its own parent",
        path: "organization.organizationalUnits[1].parentId",
        seed: withOus([ORG.teamOu, "a", ORG.rootId], [ORG.prodOu, "b", ORG.prodOu]),
    },
    {
        title: "the same OU twice",
        path: "organization.organizationalUnits[1].id",
        seed: withOus([ORG.prodOu, "a", ORG.rootId], [ORG.prodOu, "b", ORG.rootId]),
    },
    {
        title: "member account id of 11 digits",
        path: "organization.accounts[0].id",
        seed: organization({ accounts: [{ id: "12345678901", parentId: ORG.rootId }] }),
    },
    {
        title: "member in an unknown OU",
        path: "organization.accounts[0].parentId",
        seed: organization({
            accounts: [{ id: RECEIVER.accountId, parentId: "ou-ex12-missing1" }],
        }),
    },
    {
        title: "member status CLOSED",
        path: "organization.accounts[0].status",
        seed: organization({
            accounts: [{ id: RECEIVER.accountId, parentId: ORG.rootId, status: "CLOSED" }],
        }),
    },
    {
        title: "the same member twice",
        path: "organization.accounts[1].id",
        seed: organization({
            accounts: [
                { id: RECEIVER.accountId, parentId: ORG.rootId },
                { id: RECEIVER.accountId, parentId: ORG.rootId },
            ],
        }),
    },
    {
        title: "delegated administrator not a member",
        path: "organization.delegatedAdministrators[0]",
        seed: organization({ delegatedAdministrators: [RECEIVER.accountId] }),
    },
    {
        title: "the management account as delegated administrator",
        path: "organization.delegatedAdministrators[0]",
        seed: organization({ delegatedAdministrators: [SENDER.accountId] }),
    },
];

describe("emulator: seeding an organization", () => {
    let emulator: RunningEmulator;
    const suite = emulatorPerSuite();
    before(() => {
        emulator = suite.emulator;
    });

    for (const c of BAD_SEEDS) {
        it(`refuses a seed: ${c.title}`, async () => {
            await expectSeedRefused(emulator, c.seed, c.path);
            const after = await emulator.admin.state();
            expect(after.organization).to.equal(null);
            expect(after.accounts).to.deep.equal([]);
        });
    }

    it("reports every problem of the organization at once", async () => {
        const refused = (await emulator.admin
            .seed(
                organization({
                    id: "o-1",
                    rootId: "r-1",
                    delegatedAdministrators: ["1"],
                    accounts: [{ id: RECEIVER.accountId, parentId: "r-zz99" }],
                }) as Seed,
            )
            .catch((e: unknown) => e)) as Error;
        expect(refused.message.split("; ").map((problem) => problem.split(" must ")[0])).to.deep.equal([
            "seed organization.id",
            "seed organization.rootId",
            "seed organization.delegatedAdministrators[0]",
            "seed organization.accounts[0].parentId",
        ]);
    });

    it("holds the seeded tree, the management account in the root, and replaces it when seeded again", async () => {
        await emulator.admin.seed(ORGANIZATION_SEED);
        const { organization: seeded } = await emulator.admin.state();
        expect(seeded).to.deep.include({
            id: ORG.id,
            arn: `arn:aws:organizations::${SENDER.accountId}:organization/${ORG.id}`,
            managementAccountId: SENDER.accountId,
            rootId: ORG.rootId,
            delegatedAdministrators: [BYSTANDER.accountId],
        });
        expect(seeded!.accounts.map((a) => [a.accountId, a.parentId, a.status, a.name])).to.deep.equal([
            [SENDER.accountId, ORG.rootId, "ACTIVE", SENDER.name],
            [RECEIVER.accountId, ORG.prodOu, "ACTIVE", RECEIVER.name],
            [BYSTANDER.accountId, ORG.teamOu, "ACTIVE", BYSTANDER.name],
            [ORG.memberOnly, ORG.rootId, "SUSPENDED", "old"],
        ]);
        await emulator.admin.seed({
            accounts: [],
            organization: { id: "o-secondorg1", managementAccountId: RECEIVER.accountId, rootId: "r-se12" },
        });
        const { organization: replaced } = await emulator.admin.state();
        expect(replaced!.accounts.map((a) => a.accountId)).to.deep.equal([RECEIVER.accountId]);
        expect(replaced!.organizationalUnits).to.deep.equal([]);
    });

    it("forgets the organization on reset", async () => {
        await emulator.admin.seed(ORGANIZATION_SEED);
        await emulator.admin.reset();
        expect((await emulator.admin.state()).organization).to.equal(null);
    });
});

describe("emulator: the organization in the state file", () => {
    it("comes back after a restart, with the changes the admin API made", async () => {
        const directory = mkdtempSync(join(tmpdir(), "orgs-emulator-state-"));
        const stateFile = join(directory, "state.json");
        try {
            const first = await startEmulator({ seed: ORGANIZATION_SEED, stateFile });
            await first.admin.moveOrganizationAccount(RECEIVER.accountId, ORG.rootId);
            const before = (await first.admin.state()).organization;
            await first.stop();
            const second = await startEmulator({ seed: ORGANIZATION_SEED, stateFile });
            try {
                expect((await second.admin.state()).organization).to.deep.equal(before);
                const { Accounts } = await organizationsClient(second.endpoint, SENDER).send(
                    new ListAccountsCommand({}),
                );
                expect(Accounts).to.have.length(4);
            } finally {
                await second.stop();
            }
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});

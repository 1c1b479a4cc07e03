/**
 * The admin API changes the organization "between two runs": each change shows in the next
 * Organizations call, as it would after the management account made it on AWS.
 */
import {
    AWSOrganizationsNotInUseException,
    DescribeAccountCommand,
    DescribeOrganizationCommand,
    ListAccountsCommand,
    ListAccountsForParentCommand,
    ListOrganizationalUnitsForParentCommand,
    OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { BYSTANDER, ORG, ORGANIZATION_SEED, organizationsClient, OTHER, RECEIVER, SENDER } from "../helpers";

describe("emulator: admin API for the organization", () => {
    let emulator: RunningEmulator;
    let management: OrganizationsClient;

    const suite = emulatorPerSuite();
    before(() => {
        emulator = suite.emulator;
        management = organizationsClient(emulator.endpoint, SENDER);
    });
    beforeEach(() => emulator.admin.seed(ORGANIZATION_SEED));

    const accountsIn = async (parentId: string) =>
        (await management.send(new ListAccountsForParentCommand({ ParentId: parentId }))).Accounts!.map((a) => a.Id);

    it("lets an account join into a parent; it can then describe its organization", async () => {
        const outsider = organizationsClient(emulator.endpoint, OTHER);
        const refused = await outsider.send(new DescribeOrganizationCommand({})).catch((e: unknown) => e);
        expect(refused).to.be.instanceOf(AWSOrganizationsNotInUseException);

        const joined = await emulator.admin.joinOrganization(OTHER.accountId, { parentId: ORG.teamOu });
        expect(joined).to.deep.include({
            accountId: OTHER.accountId,
            parentId: ORG.teamOu,
            status: "ACTIVE",
            name: OTHER.name,
            email: `${OTHER.accountId}@example.com`,
            joinedMethod: "INVITED",
        });
        expect((await outsider.send(new DescribeOrganizationCommand({}))).Organization!.Id).to.equal(ORG.id);
        expect(await accountsIn(ORG.teamOu)).to.deep.equal([BYSTANDER.accountId, OTHER.accountId]);
        // Without a parent, into the root.
        await emulator.admin.joinOrganization("121212121212", { name: "new", email: "new@example.com" });
        const { Account } = await management.send(new DescribeAccountCommand({ AccountId: "121212121212" }));
        expect(Account).to.deep.include({ Name: "new", Email: "new@example.com", JoinedMethod: "INVITED" });
        expect(await accountsIn(ORG.rootId)).to.include("121212121212");
    });

    it("suspends and reactivates an account, as the next listing shows", async () => {
        const statusOf = async () =>
            (await management.send(new ListAccountsCommand({}))).Accounts!.find((a) => a.Id === RECEIVER.accountId);
        await emulator.admin.setOrganizationAccountStatus(RECEIVER.accountId, "SUSPENDED");
        expect(await statusOf()).to.deep.include({ Status: "SUSPENDED", State: "SUSPENDED" });
        await emulator.admin.setOrganizationAccountStatus(RECEIVER.accountId, "ACTIVE");
        expect(await statusOf()).to.deep.include({ Status: "ACTIVE", State: "ACTIVE" });
    });

    it("moves an account to another parent", async () => {
        const moved = await emulator.admin.moveOrganizationAccount(RECEIVER.accountId, ORG.teamOu);
        expect(moved.parentId).to.equal(ORG.teamOu);
        expect(await accountsIn(ORG.prodOu)).to.deep.equal([]);
        expect(await accountsIn(ORG.teamOu)).to.have.members([BYSTANDER.accountId, RECEIVER.accountId]);
    });

    it("lets an account leave, a delegated administrator losing its rights with it", async () => {
        await emulator.admin.leaveOrganization(BYSTANDER.accountId);
        expect(await accountsIn(ORG.teamOu)).to.deep.equal([]);
        const left = await organizationsClient(emulator.endpoint, BYSTANDER)
            .send(new ListAccountsCommand({}))
            .catch((e: unknown) => e);
        expect(left).to.be.instanceOf(AWSOrganizationsNotInUseException);
        expect((await emulator.admin.state()).organization!.delegatedAdministrators).to.deep.equal([]);
    });

    it("creates an OU with an id of Organizations' form, or the one given", async () => {
        const made = await emulator.admin.createOrganizationalUnit({ name: "sandbox", parentId: ORG.teamOu });
        expect(made.id).to.match(/^ou-ex12-[a-z0-9]{8}$/);
        expect(made.arn).to.equal(`arn:aws:organizations::${SENDER.accountId}:ou/${ORG.id}/${made.id}`);
        const given = await emulator.admin.createOrganizationalUnit({
            name: "given",
            parentId: made.id,
            id: "ou-ex12-given001",
        });
        const children = await management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: made.id }));
        expect(children.OrganizationalUnits).to.deep.equal([
            {
                Id: given.id,
                Arn: given.arn,
                Name: "given",
                Path: `${ORG.id}/${ORG.rootId}/${ORG.prodOu}/${ORG.teamOu}/${made.id}/${given.id}/`,
            },
        ]);
        await emulator.admin.moveOrganizationAccount(RECEIVER.accountId, given.id);
        expect(await accountsIn(given.id)).to.deep.equal([RECEIVER.accountId]);
    });

    it("refuses changes that Organizations would refuse, with 400", async () => {
        const refusals = [
            emulator.admin.joinOrganization(RECEIVER.accountId),
            emulator.admin.joinOrganization("12"),
            emulator.admin.joinOrganization(OTHER.accountId, { parentId: "ou-ex12-missing1" }),
            emulator.admin.moveOrganizationAccount(OTHER.accountId, ORG.rootId),
            emulator.admin.leaveOrganization(SENDER.accountId),
            emulator.admin.setOrganizationAccountStatus(RECEIVER.accountId, "CLOSED" as never),
            emulator.admin.createOrganizationalUnit({ name: "dup", parentId: ORG.rootId, id: ORG.prodOu }),
        ];
        for (const refusal of refusals) {
            const error = await refusal.then(
                () => undefined,
                (e: unknown) => e,
            );
            expect(error).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
        }
        await emulator.admin.reset();
        const noOrganization = await emulator.admin.joinOrganization(OTHER.accountId).catch((e: unknown) => e);
        expect(noOrganization)
            .to.be.instanceOf(EmulatorAdminError)
            .and.to.have.property("message", "no organization is seeded");
    });
});

import { GetResourceShareInvitationsCommand, RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../../emulator";
import { BASIC_SEED, credentialsOf, HUB, ramClient, RECEIVER, stsClient } from "../helpers";

describe("emulator: state file", () => {
    let directory: string;
    let stateFile: string;

    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "ram-emulator-state-"));
        stateFile = join(directory, "state.json");
    });

    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("brings back shares, statuses, removals, client tokens and the clock after a restart", async () => {
        const first = await startEmulator({ seed: BASIC_SEED, stateFile });
        const before = await first.admin.state();
        const [mine, theirs] = before.invitations.map((i) => i.resourceShareInvitationArn);
        const reply = await ramClient(first.endpoint, RECEIVER).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: mine, clientToken: "kept" }),
        );
        await first.admin.removeInvitation(theirs);
        await first.admin.advanceClock(1000);
        await first.stop();

        const second = await startEmulator({ seed: BASIC_SEED, stateFile });
        try {
            const after = await second.admin.state();
            expect(after.invitations.map((i) => [i.resourceShareInvitationArn, i.status])).to.deep.equal([
                [mine, "REJECTED"],
            ]);
            expect(after.resourceShares).to.deep.equal(before.resourceShares);
            expect(after.accounts).to.deep.equal(before.accounts);
            expect(after.clockOffsetMs).to.equal(1000);
            expect(after.clientTokenCount).to.equal(1);
            const again = await ramClient(second.endpoint, RECEIVER).send(
                new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: mine, clientToken: "kept" }),
            );
            expect(again.resourceShareInvitation).to.deep.equal(reply.resourceShareInvitation);
            expect(readFileSync(stateFile, "utf8")).to.not.contain(theirs);
        } finally {
            await second.stop();
        }
    });

    it("brings back roles and sessions, whose credentials still work", async () => {
        const roleArn = `arn:aws:iam::${RECEIVER.accountId}:role/kept`;
        const seed = {
            ...BASIC_SEED,
            accounts: [...BASIC_SEED.accounts, HUB],
            roles: [{ roleArn, trustedPrincipals: [HUB.accountId] }],
        };
        const first = await startEmulator({ seed, stateFile });
        const credentials = credentialsOf(
            await stsClient(first.endpoint, HUB).send(
                new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "kept" }),
            ),
        );
        const before = await first.admin.state();
        const issued = await first.admin.issuedCredentials();
        await first.stop();

        const second = await startEmulator({ stateFile });
        try {
            const after = await second.admin.state();
            expect([after.roles, after.sessions]).to.deep.equal([before.roles, before.sessions]);
            expect(await second.admin.issuedCredentials()).to.deep.equal(issued);
            const { resourceShareInvitations } = await ramClient(second.endpoint, credentials).send(
                new GetResourceShareInvitationsCommand({}),
            );
            expect(resourceShareInvitations?.map((i) => i.receiverAccountId)).to.deep.equal([RECEIVER.accountId]);
        } finally {
            await second.stop();
        }
    });

    it("refuses a state file it cannot read instead of starting empty", async () => {
        writeFileSync(stateFile, JSON.stringify({ version: 99 }));
        const refused = await startEmulator({ stateFile }).catch((e: unknown) => e);
        expect(refused).to.be.instanceOf(Error).and.to.have.property("message").that.contains("version 99");
    });
});

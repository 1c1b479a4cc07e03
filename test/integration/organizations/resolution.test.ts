/**
 * Organization targets resolved through the real @aws-sdk/client-organizations over HTTP against
 * the emulator: every page, ACTIVE accounts only, nested OUs, each organization read once per
 * process, a joined account seen by the next run, and every unreadable organization refused.
 */
import { expect } from "chai";
import { forgetOrganizations, resolveOrganizationTargets } from "../../../provider/organizations/cache";
import { RamSession } from "../../../provider/ram/ram-session";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { emulatorEnvironment, useEnvironment } from "../../support/aws-environment";
import { emulatorPerSuite } from "../../support/emulator-suite";

import {
    ALLOWED_OU as PLATFORM,
    MEMBER_IDS,
    NESTED_OU as NESTED,
    ORGANIZATION_ID as ORGANIZATION,
    OTHER_OU as SANDBOX,
    ROOT_ID as ROOT,
} from "../../support/organization-ids";

const { inOu: IN_PLATFORM, inNestedOu: IN_NESTED, suspended: SUSPENDED, inOtherOu: IN_SANDBOX } = MEMBER_IDS;

describe("organization targets against the emulator (real SDK over HTTP)", function () {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: HUB });

    /** An organization managed by HUB, read in pages of one item, so that every paginator must follow nextToken. */
    async function seedOrganization(): Promise<void> {
        await suite.emulator.admin.seed({
            accounts: [HUB, SENDER, RECEIVER, BYSTANDER, OTHER],
            pageSize: 1,
            organization: {
                id: ORGANIZATION,
                managementAccountId: HUB.accountId,
                rootId: ROOT,
                organizationalUnits: [
                    { id: PLATFORM, name: "platform", parentId: ROOT },
                    { id: NESTED, name: "nested", parentId: PLATFORM },
                    { id: SANDBOX, name: "sandbox", parentId: ROOT },
                ],
                accounts: [
                    { id: IN_PLATFORM, parentId: PLATFORM },
                    { id: IN_NESTED, parentId: NESTED },
                    { id: SUSPENDED, parentId: NESTED, status: "SUSPENDED" },
                    { id: IN_SANDBOX, parentId: SANDBOX },
                    { id: RECEIVER.accountId, parentId: SANDBOX },
                ],
            },
        });
    }

    beforeEach(async () => {
        forgetOrganizations();
        await seedOrganization();
    });

    const session = () => new RamSession({});

    it("resolves an OU with its nested OUs, the root and the organization to their ACTIVE accounts", async () => {
        const resolved = await resolveOrganizationTargets(
            session(),
            [PLATFORM, SANDBOX, ROOT, ORGANIZATION],
            "us-east-1",
        );
        const everyActive = [HUB.accountId, IN_PLATFORM, IN_NESTED, IN_SANDBOX, RECEIVER.accountId].sort();
        expect(resolved).to.deep.equal({
            [PLATFORM]: [IN_PLATFORM, IN_NESTED],
            [SANDBOX]: [IN_SANDBOX, RECEIVER.accountId].sort(),
            [ROOT]: everyActive,
            [ORGANIZATION]: everyActive,
        });
    });

    it("reads the organization once per process, however many policies ask", async () => {
        await suite.emulator.admin.clearCalls();
        await Promise.all([
            resolveOrganizationTargets(session(), [PLATFORM], "us-east-1"),
            resolveOrganizationTargets(session(), [PLATFORM, NESTED], "eu-west-1"),
        ]);
        const calls = await suite.emulator.admin.calls();
        const describes = calls.filter((c) => c.operation === "DescribeOrganization");
        const forParent = calls.filter((c) => c.operation === "ListAccountsForParent");
        expect(describes).to.have.length(1);
        // PLATFORM and NESTED, in pages of one: one page per account, and one more for the last token.
        expect(forParent.length).to.be.within(2, 6);
        const again = await resolveOrganizationTargets(session(), [PLATFORM], "us-east-1");
        expect(again[PLATFORM]).to.deep.equal([IN_PLATFORM, IN_NESTED]);
        expect((await suite.emulator.admin.calls()).length).to.equal(calls.length);
    });

    it("sees an account that joined the OU, and one suspended, on the next run", async () => {
        expect((await resolveOrganizationTargets(session(), [PLATFORM], "us-east-1"))[PLATFORM]).to.deep.equal([
            IN_PLATFORM,
            IN_NESTED,
        ]);
        await suite.emulator.admin.joinOrganization(OTHER.accountId, { parentId: NESTED });
        await suite.emulator.admin.setOrganizationAccountStatus(IN_PLATFORM, "SUSPENDED");
        forgetOrganizations(); // the next run is a new process
        expect((await resolveOrganizationTargets(session(), [PLATFORM], "us-east-1"))[PLATFORM]).to.deep.equal(
            [IN_NESTED, OTHER.accountId].sort(),
        );
    });

    it("refuses an OU that does not exist, and an organization other than the reader's", async () => {
        const missing = await resolveOrganizationTargets(session(), ["ou-ab12-missing11"], "us-east-1").catch((e) => e);
        expect(missing.name).to.equal("OrganizationReadError");
        expect(missing.message).to.match(/^OU ou-ab12-missing11 does not exist in organization o-a1b2c3d4e5/);
        const other = await resolveOrganizationTargets(session(), ["o-zzzzzzzzzz"], "us-east-1").catch((e) => e);
        expect(other.message).to.match(/^organization o-zzzzzzzzzz is not the one the provider's credentials reads/);
    });

    it("refuses a member that is no administrator, naming the permissions and organizationRoleArn", async () => {
        // SENDER is not in the organization; RECEIVER is a member but neither management nor delegated admin.
        const restore = useEnvironment(emulatorEnvironment(suite.emulator.endpoint, RECEIVER));
        try {
            const denied = await resolveOrganizationTargets(session(), [PLATFORM], "us-east-1").catch((e) => e);
            expect(denied.name).to.equal("OrganizationReadError");
            expect(denied.message)
                .to.match(/AccessDeniedException/)
                .and.match(/organizationRoleArn/);
        } finally {
            restore();
        }
    });

    it("refuses when Organizations throttles past the SDK's retries", async () => {
        await suite.emulator.admin.setFaults("ListOrganizationalUnitsForParent", { throttleNext: 100 });
        const throttled = await resolveOrganizationTargets(session(), [PLATFORM], "us-east-1").catch((e) => e);
        expect(throttled.name).to.equal("OrganizationReadError");
        expect(throttled.message).to.match(/throttled the reads of the OUs of OU ou-ab12-platform1/);
    });
});

/**
 * Organizations over its real wire protocol (awsJson1_1, SigV4 for `organizations`), through the
 * unmodified `@aws-sdk/client-organizations`: shapes, paging, role sessions as callers, faults and
 * the call log.
 */
import {
    AWSOrganizationsNotInUseException,
    DescribeAccountCommand,
    DescribeOrganizationalUnitCommand,
    DescribeOrganizationCommand,
    InvalidInputException,
    ListAccountsCommand,
    ListAccountsForParentCommand,
    ListOrganizationalUnitsForParentCommand,
    ListRootsCommand,
    paginateListAccounts,
    paginateListAccountsForParent,
    paginateListOrganizationalUnitsForParent,
    ServiceException,
    TooManyRequestsException,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { EmulatorAdminError } from "../../../emulator";
import { BYSTANDER, credentialsOf, HUB, ORG, organizationsClient, RECEIVER, SENDER, stsClient } from "../helpers";
import { allPages, ARN_PREFIX, expectOrganizationsError, useOrganizationSeed, world } from "./organizations-world";

describe("emulator: Organizations over awsJson1_1", () => {
    useOrganizationSeed();

    it("describes the organization to any member, with AWS's ARNs", async () => {
        const { Organization } = await world.member.send(new DescribeOrganizationCommand({}));
        expect(Organization).to.deep.equal({
            Id: ORG.id,
            Arn: `${ARN_PREFIX}:organization/${ORG.id}`,
            FeatureSet: "ALL",
            MasterAccountArn: `${ARN_PREFIX}:account/${ORG.id}/${SENDER.accountId}`,
            MasterAccountId: SENDER.accountId,
            MasterAccountEmail: `${SENDER.accountId}@example.com`,
            AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
        });
    });

    it("lists the root, the OUs of a parent and the accounts of a parent, nested OUs with their path", async () => {
        const { Roots } = await world.management.send(new ListRootsCommand({}));
        expect(Roots).to.deep.equal([
            { Id: ORG.rootId, Arn: `${ARN_PREFIX}:root/${ORG.id}/${ORG.rootId}`, Name: "Root", PolicyTypes: [] },
        ]);
        const top = await world.management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: ORG.rootId }));
        expect(top.OrganizationalUnits!.map((ou) => ou.Id)).to.deep.equal([ORG.prodOu]);
        const nested = await world.management.send(
            new ListOrganizationalUnitsForParentCommand({ ParentId: ORG.prodOu }),
        );
        expect(nested.OrganizationalUnits).to.deep.equal([
            {
                Id: ORG.teamOu,
                Arn: `${ARN_PREFIX}:ou/${ORG.id}/${ORG.teamOu}`,
                Name: "team",
                Path: `${ORG.id}/${ORG.rootId}/${ORG.prodOu}/${ORG.teamOu}/`,
            },
        ]);
        const inRoot = await world.management.send(new ListAccountsForParentCommand({ ParentId: ORG.rootId }));
        // The management account sits in the root when the seed does not place it.
        expect(inRoot.Accounts!.map((a) => a.Id)).to.deep.equal([SENDER.accountId, ORG.memberOnly]);
        const inTeam = await world.management.send(new ListAccountsForParentCommand({ ParentId: ORG.teamOu }));
        expect(inTeam.Accounts!.map((a) => a.Id)).to.deep.equal([BYSTANDER.accountId]);
    });

    it("describes accounts with status, state, join method and time, and an OU", async () => {
        const { Account } = await world.management.send(new DescribeAccountCommand({ AccountId: RECEIVER.accountId }));
        expect(Account).to.deep.include({
            Id: RECEIVER.accountId,
            Arn: `${ARN_PREFIX}:account/${ORG.id}/${RECEIVER.accountId}`,
            Email: "receiver@example.com",
            Name: RECEIVER.name,
            Status: "ACTIVE",
            State: "ACTIVE",
            JoinedMethod: "CREATED",
        });
        expect(Account!.JoinedTimestamp).to.be.instanceOf(Date);
        const suspended = await world.management.send(new DescribeAccountCommand({ AccountId: ORG.memberOnly }));
        expect(suspended.Account).to.deep.include({ Name: "old", Status: "SUSPENDED", State: "SUSPENDED" });
        const { OrganizationalUnit } = await world.management.send(
            new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ORG.prodOu }),
        );
        expect(OrganizationalUnit).to.deep.include({ Id: ORG.prodOu, Name: "prod" });
    });

    it("pages every listing with the seeded page size; the log tells which page carried a NextToken", async () => {
        await world.emulator.admin.seed({ accounts: [], pageSize: 1 });
        await world.emulator.admin.clearCalls();
        const pages = await allPages(paginateListAccounts({ client: world.management }, {}));
        expect(pages.map((p) => p.Accounts!.length)).to.deep.equal([1, 1, 1, 1]);
        expect(pages.flatMap((p) => p.Accounts!.map((a) => a.Id))).to.have.members([
            SENDER.accountId,
            RECEIVER.accountId,
            BYSTANDER.accountId,
            ORG.memberOnly,
        ]);
        const calls = await world.emulator.admin.calls({ service: "organizations" });
        expect(calls.map((c) => [c.operation, c.accountId, c.nextTokenGiven, c.outcome])).to.deep.equal([
            ["ListAccounts", SENDER.accountId, false, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
        ]);
        expect(await world.emulator.admin.calls({ service: "ram" })).to.deep.equal([]);

        const inRoot = await allPages(
            paginateListAccountsForParent({ client: world.management }, { ParentId: ORG.rootId }),
        );
        expect(inRoot.map((p) => p.Accounts!.map((a) => a.Id))).to.deep.equal([[SENDER.accountId], [ORG.memberOnly]]);
        await world.emulator.admin.createOrganizationalUnit({ name: "dev", parentId: ORG.rootId });
        const units = await allPages(
            paginateListOrganizationalUnitsForParent({ client: world.management }, { ParentId: ORG.rootId }),
        );
        expect(units.map((p) => p.OrganizationalUnits!.map((ou) => ou.Name))).to.deep.equal([["prod"], ["dev"]]);
    });

    it("holds MaxResults to 1–20 and a NextToken to the listing it came from", async () => {
        for (const [MaxResults, reason] of [
            [21, "MAX_VALUE_EXCEEDED"],
            [0, "MIN_VALUE_EXCEEDED"],
        ] as const) {
            const error = await expectOrganizationsError(
                world.management.send(new ListAccountsCommand({ MaxResults })),
                InvalidInputException,
                400,
            );
            expect(error.Reason).to.equal(reason);
        }
        const first = await world.management.send(new ListAccountsCommand({ MaxResults: 1 }));
        expect(first.Accounts).to.have.length(1);
        const elsewhere = await expectOrganizationsError(
            world.management.send(
                new ListAccountsForParentCommand({ ParentId: ORG.rootId, NextToken: first.NextToken }),
            ),
            InvalidInputException,
            400,
        );
        expect(elsewhere.Reason).to.equal("INVALID_NEXT_TOKEN");
        const all = await world.management.send(new ListAccountsCommand({ MaxResults: 20 }));
        expect(all.Accounts).to.have.length(4);
        expect(all.NextToken).to.equal(undefined);
    });

    it("takes a role session as its role's account", async () => {
        const roleArn = `arn:aws:iam::${SENDER.accountId}:role/org-reader`;
        await world.emulator.admin.seed({ accounts: [], roles: [{ roleArn, trustedPrincipals: [HUB.accountId] }] });
        const assumed = await stsClient(world.emulator.endpoint, HUB).send(
            new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "org" }),
        );
        const session = organizationsClient(world.emulator.endpoint, credentialsOf(assumed));
        expect((await session.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
        const [call] = await world.emulator.admin.calls({ operation: "ListAccounts" });
        expect(call).to.deep.include({
            service: "organizations",
            accountId: SENDER.accountId,
            callerArn: `arn:aws:sts::${SENDER.accountId}:assumed-role/org-reader/org`,
            outcome: "ok",
        });
        // The hub's own key is in no organization.
        await expectOrganizationsError(
            organizationsClient(world.emulator.endpoint, HUB).send(new DescribeOrganizationCommand({})),
            AWSOrganizationsNotInUseException,
            404,
        );
    });

    it("throttles an operation with TooManyRequestsException, which the SDK retries", async () => {
        await world.emulator.admin.setFaults("ListAccounts", { throttleNext: 1 });
        await expectOrganizationsError(
            world.management.send(new ListAccountsCommand({})),
            TooManyRequestsException,
            429,
        );
        await world.emulator.admin.setFaults("ListAccounts", { throttleNext: 1 });
        const retrying = organizationsClient(world.emulator.endpoint, SENDER, { maxAttempts: 3 });
        expect((await retrying.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
        const outcomes = (await world.emulator.admin.calls({ operation: "ListAccounts" })).map((c) => c.outcome);
        expect(outcomes).to.deep.equal(["TooManyRequestsException", "TooManyRequestsException", "ok"]);
        // Injected errors come from the operation's own service's model.
        const ramError = await world.emulator.admin
            .setFaults("ListAccounts", { errorNext: 1, errorName: "ResourceShareInvitationArnNotFoundException" })
            .catch((e: unknown) => e);
        expect(ramError).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
        await world.emulator.admin.setFaults("DescribeOrganization", { errorNext: 1, errorName: "ServiceException" });
        await expectOrganizationsError(
            world.management.send(new DescribeOrganizationCommand({})),
            ServiceException,
            500,
        );
    });
});

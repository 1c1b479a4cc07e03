/**
 * Organizations over its real wire protocol (awsJson1_1, SigV4 for `organizations`), through the
 * unmodified `@aws-sdk/client-organizations`: shapes, paging, access rules, errors as the SDK's
 * classes, role sessions as callers, faults and the call log.
 */
import {
    AccessDeniedException,
    AccountNotFoundException,
    AWSOrganizationsNotInUseException,
    DescribeAccountCommand,
    DescribeOrganizationalUnitCommand,
    DescribeOrganizationCommand,
    InvalidInputException,
    ListAccountsCommand,
    ListAccountsForParentCommand,
    ListOrganizationalUnitsForParentCommand,
    ListRootsCommand,
    OrganizationalUnitNotFoundException,
    OrganizationsClient,
    OrganizationsServiceException,
    paginateListAccounts,
    paginateListAccountsForParent,
    paginateListOrganizationalUnitsForParent,
    ParentNotFoundException,
    ServiceException,
    TooManyRequestsException,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import {
    BYSTANDER,
    credentialsOf,
    HUB,
    ORG,
    ORGANIZATION_SEED,
    organizationsClient,
    OTHER,
    post,
    RECEIVER,
    SENDER,
    stsClient,
} from "../helpers";

const ARN_PREFIX = `arn:aws:organizations::${SENDER.accountId}`;

/** Asserts the SDK's typed error: its class, name and HTTP status; answers it. */
async function expectOrganizationsError(
    promise: Promise<unknown>,
    errorClass: abstract new (...args: never[]) => OrganizationsServiceException,
    httpStatus: number,
): Promise<OrganizationsServiceException & { Reason?: string }> {
    const caught = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(caught, `expected ${errorClass.name}`).to.be.instanceOf(errorClass);
    const error = caught as OrganizationsServiceException;
    expect(error.name).to.equal(errorClass.name);
    expect(error.$metadata.httpStatusCode).to.equal(httpStatus);
    return error;
}

/** Every item of every page, and how many pages there were. */
async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
    const collected: T[] = [];
    for await (const page of pages) {
        collected.push(page);
    }
    return collected;
}

describe("emulator: Organizations over awsJson1_1", () => {
    let emulator: RunningEmulator;
    let management: OrganizationsClient;
    let member: OrganizationsClient;

    const suite = emulatorPerSuite();
    before(() => {
        emulator = suite.emulator;
        management = organizationsClient(emulator.endpoint, SENDER);
        member = organizationsClient(emulator.endpoint, RECEIVER);
    });
    beforeEach(() => emulator.admin.seed(ORGANIZATION_SEED));

    it("describes the organization to any member, with AWS's ARNs", async () => {
        const { Organization } = await member.send(new DescribeOrganizationCommand({}));
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
        const { Roots } = await management.send(new ListRootsCommand({}));
        expect(Roots).to.deep.equal([
            { Id: ORG.rootId, Arn: `${ARN_PREFIX}:root/${ORG.id}/${ORG.rootId}`, Name: "Root", PolicyTypes: [] },
        ]);
        const top = await management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: ORG.rootId }));
        expect(top.OrganizationalUnits!.map((ou) => ou.Id)).to.deep.equal([ORG.prodOu]);
        const nested = await management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: ORG.prodOu }));
        expect(nested.OrganizationalUnits).to.deep.equal([
            {
                Id: ORG.teamOu,
                Arn: `${ARN_PREFIX}:ou/${ORG.id}/${ORG.teamOu}`,
                Name: "team",
                Path: `${ORG.id}/${ORG.rootId}/${ORG.prodOu}/${ORG.teamOu}/`,
            },
        ]);
        const inRoot = await management.send(new ListAccountsForParentCommand({ ParentId: ORG.rootId }));
        // The management account sits in the root when the seed does not place it.
        expect(inRoot.Accounts!.map((a) => a.Id)).to.deep.equal([SENDER.accountId, ORG.memberOnly]);
        const inTeam = await management.send(new ListAccountsForParentCommand({ ParentId: ORG.teamOu }));
        expect(inTeam.Accounts!.map((a) => a.Id)).to.deep.equal([BYSTANDER.accountId]);
    });

    it("describes accounts with status, state, join method and time, and an OU", async () => {
        const { Account } = await management.send(new DescribeAccountCommand({ AccountId: RECEIVER.accountId }));
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
        const suspended = await management.send(new DescribeAccountCommand({ AccountId: ORG.memberOnly }));
        expect(suspended.Account).to.deep.include({ Name: "old", Status: "SUSPENDED", State: "SUSPENDED" });
        const { OrganizationalUnit } = await management.send(
            new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ORG.prodOu }),
        );
        expect(OrganizationalUnit).to.deep.include({ Id: ORG.prodOu, Name: "prod" });
    });

    it("pages every listing with the seeded page size; the log tells which page carried a NextToken", async () => {
        await emulator.admin.seed({ accounts: [], pageSize: 1 });
        await emulator.admin.clearCalls();
        const pages = await allPages(paginateListAccounts({ client: management }, {}));
        expect(pages.map((p) => p.Accounts!.length)).to.deep.equal([1, 1, 1, 1]);
        expect(pages.flatMap((p) => p.Accounts!.map((a) => a.Id))).to.have.members([
            SENDER.accountId,
            RECEIVER.accountId,
            BYSTANDER.accountId,
            ORG.memberOnly,
        ]);
        const calls = await emulator.admin.calls({ service: "organizations" });
        expect(calls.map((c) => [c.operation, c.accountId, c.nextTokenGiven, c.outcome])).to.deep.equal([
            ["ListAccounts", SENDER.accountId, false, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
            ["ListAccounts", SENDER.accountId, true, "ok"],
        ]);
        expect(await emulator.admin.calls({ service: "ram" })).to.deep.equal([]);

        const inRoot = await allPages(paginateListAccountsForParent({ client: management }, { ParentId: ORG.rootId }));
        expect(inRoot.map((p) => p.Accounts!.map((a) => a.Id))).to.deep.equal([[SENDER.accountId], [ORG.memberOnly]]);
        await emulator.admin.createOrganizationalUnit({ name: "dev", parentId: ORG.rootId });
        const units = await allPages(
            paginateListOrganizationalUnitsForParent({ client: management }, { ParentId: ORG.rootId }),
        );
        expect(units.map((p) => p.OrganizationalUnits!.map((ou) => ou.Name))).to.deep.equal([["prod"], ["dev"]]);
    });

    it("holds MaxResults to 1–20 and a NextToken to the listing it came from", async () => {
        for (const [MaxResults, reason] of [
            [21, "MAX_VALUE_EXCEEDED"],
            [0, "MIN_VALUE_EXCEEDED"],
        ] as const) {
            const error = await expectOrganizationsError(
                management.send(new ListAccountsCommand({ MaxResults })),
                InvalidInputException,
                400,
            );
            expect(error.Reason).to.equal(reason);
        }
        const first = await management.send(new ListAccountsCommand({ MaxResults: 1 }));
        expect(first.Accounts).to.have.length(1);
        const elsewhere = await expectOrganizationsError(
            management.send(new ListAccountsForParentCommand({ ParentId: ORG.rootId, NextToken: first.NextToken })),
            InvalidInputException,
            400,
        );
        expect(elsewhere.Reason).to.equal("INVALID_NEXT_TOKEN");
        const all = await management.send(new ListAccountsCommand({ MaxResults: 20 }));
        expect(all.Accounts).to.have.length(4);
        expect(all.NextToken).to.equal(undefined);
    });

    it("refuses an account in no organization, and members that are not allowed to read its structure", async () => {
        const outsider = organizationsClient(emulator.endpoint, OTHER);
        await expectOrganizationsError(
            outsider.send(new DescribeOrganizationCommand({})),
            AWSOrganizationsNotInUseException,
            404,
        );
        await expectOrganizationsError(
            outsider.send(new ListAccountsCommand({})),
            AWSOrganizationsNotInUseException,
            404,
        );
        const denied = await expectOrganizationsError(
            member.send(new ListAccountsCommand({})),
            AccessDeniedException,
            403,
        );
        expect(denied.message).to.equal("You don't have permissions to access this resource.");
        await expectOrganizationsError(
            member.send(new ListAccountsForParentCommand({ ParentId: ORG.rootId })),
            AccessDeniedException,
            403,
        );
        // A delegated administrator may.
        const delegated = organizationsClient(emulator.endpoint, BYSTANDER);
        expect((await delegated.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
    });

    it("answers malformed ids with InvalidInputException and unknown ones with the not-found errors", async () => {
        for (const promise of [
            management.send(new ListAccountsForParentCommand({ ParentId: "root" })),
            management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: "ou-x-1" })),
            management.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ORG.rootId })),
            management.send(new DescribeAccountCommand({ AccountId: "12345" })),
        ]) {
            const error = await expectOrganizationsError(promise, InvalidInputException, 400);
            expect(error.Reason).to.equal("INVALID_PATTERN");
        }
        await expectOrganizationsError(
            management.send(new ListAccountsForParentCommand({ ParentId: "r-zz99" })),
            ParentNotFoundException,
            404,
        );
        await expectOrganizationsError(
            management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: "ou-ex12-missing1" })),
            ParentNotFoundException,
            404,
        );
        await expectOrganizationsError(
            management.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: "ou-ex12-missing1" })),
            OrganizationalUnitNotFoundException,
            404,
        );
        await expectOrganizationsError(
            management.send(new DescribeAccountCommand({ AccountId: OTHER.accountId })),
            AccountNotFoundException,
            404,
        );
    });

    it("answers a request without a required member, and an unserved operation, in awsJson1_1's form", async () => {
        const headers = { "content-type": "application/x-amz-json-1.1", authorization: bystanderAuthorization() };
        const missing = await post(emulator.endpoint, "/", "{}", {
            ...headers,
            "x-amz-target": "AWSOrganizationsV20161128.ListAccountsForParent",
        });
        expect(missing).to.deep.include({ status: 400, errorType: "InvalidInputException" });
        expect(JSON.parse(missing.body)).to.deep.equal({
            __type: "InvalidInputException",
            Message: "You must specify a value for ParentId.",
            Reason: "INPUT_REQUIRED",
        });
        const unserved = await post(emulator.endpoint, "/", "{}", {
            ...headers,
            "x-amz-target": "AWSOrganizationsV20161128.CreateAccount",
        });
        expect(unserved.errorType).to.equal("UnknownOperationException");
    });

    it("takes a role session as its role's account", async () => {
        const roleArn = `arn:aws:iam::${SENDER.accountId}:role/org-reader`;
        await emulator.admin.seed({ accounts: [], roles: [{ roleArn, trustedPrincipals: [HUB.accountId] }] });
        const assumed = await stsClient(emulator.endpoint, HUB).send(
            new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "org" }),
        );
        const session = organizationsClient(emulator.endpoint, credentialsOf(assumed));
        expect((await session.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
        const [call] = await emulator.admin.calls({ operation: "ListAccounts" });
        expect(call).to.deep.include({
            service: "organizations",
            accountId: SENDER.accountId,
            callerArn: `arn:aws:sts::${SENDER.accountId}:assumed-role/org-reader/org`,
            outcome: "ok",
        });
        // The hub's own key is in no organization.
        await expectOrganizationsError(
            organizationsClient(emulator.endpoint, HUB).send(new DescribeOrganizationCommand({})),
            AWSOrganizationsNotInUseException,
            404,
        );
    });

    it("throttles an operation with TooManyRequestsException, which the SDK retries", async () => {
        await emulator.admin.setFaults("ListAccounts", { throttleNext: 1 });
        await expectOrganizationsError(management.send(new ListAccountsCommand({})), TooManyRequestsException, 429);
        await emulator.admin.setFaults("ListAccounts", { throttleNext: 1 });
        const retrying = organizationsClient(emulator.endpoint, SENDER, { maxAttempts: 3 });
        expect((await retrying.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
        const outcomes = (await emulator.admin.calls({ operation: "ListAccounts" })).map((c) => c.outcome);
        expect(outcomes).to.deep.equal(["TooManyRequestsException", "TooManyRequestsException", "ok"]);
        // Injected errors come from the operation's own service's model.
        const ramError = await emulator.admin
            .setFaults("ListAccounts", { errorNext: 1, errorName: "ResourceShareInvitationArnNotFoundException" })
            .catch((e: unknown) => e);
        expect(ramError).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
        await emulator.admin.setFaults("DescribeOrganization", { errorNext: 1, errorName: "ServiceException" });
        await expectOrganizationsError(management.send(new DescribeOrganizationCommand({})), ServiceException, 500);
    });
});

/** A SigV4 header naming the bystander (seeded without a secret, so not checked), scoped to Organizations. */
function bystanderAuthorization(): string {
    return (
        `AWS4-HMAC-SHA256 Credential=${BYSTANDER.accessKeyId}/20250101/us-east-1/organizations/aws4_request, ` +
        "SignedHeaders=host;x-amz-date, Signature=0000"
    );
}

/**
 * What Organizations over awsJson1_1 refuses, through the unmodified `@aws-sdk/client-organizations`:
 * callers outside the organization or not allowed to read it, malformed and unknown ids, a request
 * without a required member and an unserved operation, each as the SDK's error classes.
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
    OrganizationalUnitNotFoundException,
    ParentNotFoundException,
} from "@aws-sdk/client-organizations";
import { expect } from "chai";
import { BYSTANDER, ORG, organizationsClient, OTHER, post } from "../helpers";
import { bystanderAuthorization, expectOrganizationsError, useOrganizationSeed, world } from "./organizations-world";

describe("emulator: Organizations over awsJson1_1", () => {
    useOrganizationSeed();

    it("refuses an account in no organization, and members that are not allowed to read its structure", async () => {
        const outsider = organizationsClient(world.emulator.endpoint, OTHER);
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
            world.member.send(new ListAccountsCommand({})),
            AccessDeniedException,
            403,
        );
        expect(denied.message).to.equal("You don't have permissions to access this resource.");
        await expectOrganizationsError(
            world.member.send(new ListAccountsForParentCommand({ ParentId: ORG.rootId })),
            AccessDeniedException,
            403,
        );
        // A delegated administrator may.
        const delegated = organizationsClient(world.emulator.endpoint, BYSTANDER);
        expect((await delegated.send(new ListAccountsCommand({}))).Accounts).to.have.length(4);
    });

    it("answers malformed ids with InvalidInputException and unknown ones with the not-found errors", async () => {
        for (const promise of [
            world.management.send(new ListAccountsForParentCommand({ ParentId: "root" })),
            world.management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: "ou-x-1" })),
            world.management.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ORG.rootId })),
            world.management.send(new DescribeAccountCommand({ AccountId: "12345" })),
        ]) {
            const error = await expectOrganizationsError(promise, InvalidInputException, 400);
            expect(error.Reason).to.equal("INVALID_PATTERN");
        }
        await expectOrganizationsError(
            world.management.send(new ListAccountsForParentCommand({ ParentId: "r-zz99" })),
            ParentNotFoundException,
            404,
        );
        await expectOrganizationsError(
            world.management.send(new ListOrganizationalUnitsForParentCommand({ ParentId: "ou-ex12-missing1" })),
            ParentNotFoundException,
            404,
        );
        await expectOrganizationsError(
            world.management.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: "ou-ex12-missing1" })),
            OrganizationalUnitNotFoundException,
            404,
        );
        await expectOrganizationsError(
            world.management.send(new DescribeAccountCommand({ AccountId: OTHER.accountId })),
            AccountNotFoundException,
            404,
        );
    });

    it("answers a request without a required member, and an unserved operation, in awsJson1_1's form", async () => {
        const headers = { "content-type": "application/x-amz-json-1.1", authorization: bystanderAuthorization() };
        const missing = await post(world.emulator.endpoint, "/", "{}", {
            ...headers,
            "x-amz-target": "AWSOrganizationsV20161128.ListAccountsForParent",
        });
        expect(missing).to.deep.include({ status: 400, errorType: "InvalidInputException" });
        expect(JSON.parse(missing.body)).to.deep.equal({
            __type: "InvalidInputException",
            Message: "You must specify a value for ParentId.",
            Reason: "INPUT_REQUIRED",
        });
        const unserved = await post(world.emulator.endpoint, "/", "{}", {
            ...headers,
            "x-amz-target": "AWSOrganizationsV20161128.CreateAccount",
        });
        expect(unserved.errorType).to.equal("UnknownOperationException");
    });
});

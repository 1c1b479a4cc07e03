import * as organizations from "@aws-sdk/client-organizations";
import { expect } from "chai";
import {
    allOrganizationsErrorShapes,
    ORGANIZATIONS_OPERATION_SHAPES,
    organizationsErrorShape,
} from "../../../emulator/wire/organizations-schema";

describe("emulator: Organizations' tables read from the SDK schema", () => {
    // Two of the SDK's error classes have no status in the model; the emulator never answers them.
    it("has an entry, with the class's own fault, for every error class whose model gives a status", () => {
        const errorClasses = Object.entries(organizations).filter(
            ([name, value]) =>
                typeof value === "function" &&
                value.prototype instanceof organizations.OrganizationsServiceException &&
                name !== "OrganizationsServiceException",
        ) as [string, new (options: object) => organizations.OrganizationsServiceException][];
        const tabled = new Set(allOrganizationsErrorShapes().map((s) => s.name));
        expect(errorClasses.map(([name]) => name).filter((name) => !tabled.has(name))).to.have.members([
            "EffectivePolicyNotFoundException",
            "PolicyChangesInProgressException",
        ]);
        for (const [name, ErrorClass] of errorClasses.filter(([n]) => tabled.has(n))) {
            const instance = new ErrorClass({ message: "m", $metadata: {} });
            expect(instance.$fault, name).to.equal(organizationsErrorShape(name as never).fault);
        }
        expect(organizationsErrorShape("AWSOrganizationsNotInUseException").httpStatus).to.equal(404);
        expect(organizationsErrorShape("TooManyRequestsException").httpStatus).to.equal(429);
        expect(organizationsErrorShape("ServiceException")).to.deep.include({ httpStatus: 500, fault: "server" });
    });

    it("knows each served operation's required members, and DescribeOrganization's empty input", () => {
        expect(ORGANIZATIONS_OPERATION_SHAPES.get("DescribeOrganization")!.input.members.size).to.equal(0);
        expect(ORGANIZATIONS_OPERATION_SHAPES.get("ListAccountsForParent")!.input.required).to.deep.equal(["ParentId"]);
        expect(ORGANIZATIONS_OPERATION_SHAPES.get("DescribeAccount")!.input.required).to.deep.equal(["AccountId"]);
        expect(ORGANIZATIONS_OPERATION_SHAPES.get("ListAccounts")!.input.members.get("MaxResults")).to.deep.equal({
            kind: "number",
        });
    });
});

import * as ram from "@aws-sdk/client-ram";
import { expect } from "chai";
import {
    allRamErrorShapes,
    RAM_OPERATION_SHAPES,
    RamErrorName,
    ramErrorShape,
    ramServerErrorFor,
} from "../../../emulator/wire/ram-schema";

describe("emulator: tables read from the SDK schema", () => {
    it("has an entry for every error class the SDK exports, with the class's own fault", () => {
        const errorClasses = Object.entries(ram).filter(
            ([name, value]) =>
                typeof value === "function" &&
                value.prototype instanceof ram.RAMServiceException &&
                name !== "RAMServiceException",
        ) as [string, new (options: object) => ram.RAMServiceException][];
        expect(
            allRamErrorShapes()
                .map((s) => s.name)
                .sort(),
        ).to.deep.equal(errorClasses.map(([name]) => name).sort());
        for (const [name, ErrorClass] of errorClasses) {
            const instance = new ErrorClass({ message: "m", $metadata: {} });
            expect(instance.name, name).to.equal(name);
            expect(instance.$fault, name).to.equal(ramErrorShape(name as RamErrorName).fault);
        }
    });

    it("gives the statuses the model declares", () => {
        expect(ramErrorShape("ResourceShareInvitationArnNotFoundException").httpStatus).to.equal(400);
        expect(ramErrorShape("IdempotentParameterMismatchException").httpStatus).to.equal(400);
        expect(ramErrorShape("ThrottlingException").httpStatus).to.equal(429);
        expect(ramServerErrorFor(500)).to.equal("ServerInternalException");
        expect(ramServerErrorFor(503)).to.equal("ServiceUnavailableException");
    });

    it("routes and validates each served operation as the model says", () => {
        const reject = RAM_OPERATION_SHAPES.get("RejectResourceShareInvitation")!;
        expect([reject.method, reject.path]).to.deep.equal(["POST", "/rejectresourceshareinvitation"]);
        expect(reject.input.required).to.deep.equal(["resourceShareInvitationArn"]);
        expect(RAM_OPERATION_SHAPES.get("GetResourceShares")!.input.required).to.deep.equal(["resourceOwner"]);
        expect(RAM_OPERATION_SHAPES.get("CreateResourceShare")!.input.required).to.deep.equal(["name"]);
        expect(RAM_OPERATION_SHAPES.get("GetResourceShareInvitations")!.input.members.get("maxResults")).to.deep.equal({
            kind: "number",
        });
    });
});

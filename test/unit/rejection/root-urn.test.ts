import { expect } from "chai";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { urnOfRootResource } from "../../../provider/dynamic/invitation-rejection";

/** The value of an Output that is known (createUrn's, from plain text). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

describe("urnOfRootResource", () => {
    // The client token of a resource without a parent is derived from this URN, so it must be the
    // URN Pulumi gives the resource: a different one would change every such rejection's token.
    it("is the URN pulumi.createUrn gives a resource without a parent", async () => {
        const text = fc.string({ minLength: 1 });
        await fc.assert(
            fc.asyncProperty(text, text, text, text, async (stack, project, typeToken, name) => {
                const expected = await valueOf(pulumi.createUrn(name, typeToken, undefined, project, stack));
                expect(urnOfRootResource(stack, project, typeToken, name)).to.equal(expected);
            }),
        );
    });

    it("names the stack, the project, the type and the name", () => {
        expect(
            urnOfRootResource("prod", "invitations", "pulumi-nodejs:dynamic/ram:InvitationRejection", "reject-data"),
        ).to.equal("urn:pulumi:prod::invitations::pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data");
    });
});

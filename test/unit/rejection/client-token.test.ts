import { expect } from "chai";
import * as fc from "fast-check";
import { isClientToken } from "../../../provider/core/answer/token";
import { CLIENT_TOKEN_NAMESPACE, deriveClientToken } from "../../../provider/core/rejection/client-token";

const URN = "urn:pulumi:prod::invitations::pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data";
const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-b505-7e2a-420d-6f5d3b6b5d1f";
// RAM recommends a UUID; its model caps client tokens at 64 ASCII characters.
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("deriveClientToken", () => {
    // Golden value computed with Python: uuid.uuid5(UUID(namespace), json.dumps([urn, arn], separators=(",", ":")))
    it("matches an independent UUIDv5 computation (namespace and encoding are part of the contract)", () => {
        expect(CLIENT_TOKEN_NAMESPACE).to.equal("a2008197-44a0-4291-a80a-622f513d132d");
        expect(deriveClientToken(URN, ARN)).to.equal("140fb159-bc18-5a5d-983c-d4bb37f9ede0");
    });

    it("is stable, a v5 UUID, and at most 64 ASCII characters", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), (urn, arn) => {
                const token = deriveClientToken(urn, arn);
                expect(token).to.equal(deriveClientToken(urn, arn));
                expect(token).to.match(UUID_V5);
                expect(isClientToken(token)).to.equal(true);
            }),
        );
    });

    it("differs when the URN or the ARN differs", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), fc.string(), (urn, arn, other) => {
                fc.pre(other !== urn && other !== arn);
                expect(deriveClientToken(other, arn)).to.not.equal(deriveClientToken(urn, arn));
                expect(deriveClientToken(urn, other)).to.not.equal(deriveClientToken(urn, arn));
            }),
        );
    });

    it("cannot be made to collide by moving text between the URN and the ARN", () => {
        expect(deriveClientToken("a|b", "c")).to.not.equal(deriveClientToken("a", "b|c"));
        expect(deriveClientToken("a\nb", "c")).to.not.equal(deriveClientToken("a", "b\nc"));
    });
});

import { expect } from "chai";
import { specialOutputValueSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { plainProperties, withSecrets } from "../../../provider/plugin/wire-values";
import { stackAndProjectOf, typeOf } from "../../../provider/plugin/urn";
import { parseImportId } from "../../../provider/inputs/import-id";

const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-b505-7e2a-420d-6f5d3b6b5d1f";
const ROLE = "arn:aws:iam::222222222222:role/ram-invitations";

describe("the plugin's values on the wire", () => {
    it("takes secret and output tags off, deeply; an output without a value is unknown", () => {
        const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
        const output = (value?: unknown) => ({
            [specialSigKey]: specialOutputValueSig,
            ...(value === undefined ? {} : { value }),
        });
        expect(
            plainProperties({
                externalId: secret("x"),
                regions: [output("us-east-1"), secret(output("eu-west-1"))],
                roleArn: output(),
                plain: 3,
            }),
        ).to.deep.equal({ externalId: "x", regions: ["us-east-1", "eu-west-1"], roleArn: unknownValue, plain: 3 });
    });

    it("tags the named properties that are present as secrets, and only those", () => {
        expect(withSecrets({ externalId: "x", roleArn: ROLE }, ["externalId", "absent"])).to.deep.equal({
            externalId: { [specialSigKey]: specialSecretSig, value: "x" },
            roleArn: ROLE,
        });
    });

    it("reads the stack, project and the resource's own type out of a URN, also under a parent", () => {
        const type = "ram-invitations:index:InvitationPolicy$ram-invitations:index:InvitationRejection";
        const urn = `urn:pulumi:prod::fleet::${type}::p-1`;
        expect(stackAndProjectOf(urn)).to.deep.equal({ stack: "prod", project: "fleet" });
        expect(typeOf(urn)).to.equal("ram-invitations:index:InvitationRejection");
    });
});

describe("the import id of a rejection", () => {
    it("is the invitation's ARN, or the ARN and a role after a comma", () => {
        expect(parseImportId(ARN, "pulumi-p-s")).to.deep.equal({ invitationArn: ARN });
        expect(parseImportId(`${ARN},${ROLE}`, "pulumi-p-s")).to.deep.equal({
            invitationArn: ARN,
            role: { roleArn: ROLE, externalId: undefined, roleSessionName: "pulumi-p-s" },
        });
    });

    it("names the id and says what it should be when it is not an invitation ARN, a bad role, or three parts", () => {
        const usage = /The import id is the invitation's ARN, or "<invitationArn>,<roleArn>"/;
        expect(() => parseImportId("arn:aws:ram:us-east-1:111122223333:resource-share/x", "s1")).to.throw(usage);
        expect(() => parseImportId(`${ARN},not-a-role`, "s1")).to.throw(/roleArn "not-a-role" is not an IAM role ARN/);
        expect(() => parseImportId(`${ARN},${ROLE},x`, "s1")).to.throw(/has more than two parts/);
    });
});

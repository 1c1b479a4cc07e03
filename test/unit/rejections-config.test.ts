import { expect } from "chai";
import { parseRejectionsConfig } from "../../provider/rejections-config";

const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";

describe("parseRejectionsConfig", () => {
    it("reads a map from resource name to invitation", () => {
        const { entries, problems } = parseRejectionsConfig({ "vendor-data": { invitationArn: ARN } });
        expect(problems).to.deep.equal([]);
        expect(entries).to.deep.equal([{ name: "vendor-data", invitationArn: ARN }]);
    });

    it("treats absent config as no rejections", () => {
        expect(parseRejectionsConfig(undefined)).to.deep.equal({ entries: [], problems: [] });
    });

    it("refuses a list, naming the expected shape", () => {
        const { problems } = parseRejectionsConfig([{ invitationArn: ARN }], "p:rejections");
        expect(problems).to.deep.equal(["p:rejections must be a map from resource name to { invitationArn: ... }, got a list"]);
    });

    it("reports every bad entry at once, each by name", () => {
        const { entries, problems } = parseRejectionsConfig(
            {
                good: { invitationArn: ARN },
                "bad name": { invitationArn: ARN },
                typo: { invitationArm: ARN },
                scalar: "arn",
                wrongArn: { invitationArn: "arn:aws:ram:us-east-1:1:resource-share/x" },
            },
            "p:rejections",
        );
        expect(entries.map((e) => e.name)).to.include("good");
        const text = problems.join("\n");
        expect(text).to.contain('p:rejections.bad name: "bad name" is not a usable resource name');
        expect(text).to.contain("p:rejections.typo has unknown keys invitationArm");
        expect(text).to.contain("p:rejections.typo.invitationArn must be a string");
        expect(text).to.contain("p:rejections.scalar must be a map");
        expect(text).to.contain("p:rejections.wrongArn.invitationArn");
    });
});

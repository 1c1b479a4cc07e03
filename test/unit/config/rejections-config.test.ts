import { expect } from "chai";
import { parseRejectionsConfig } from "../../../provider/config/rejections-config";

const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";

describe("parseRejectionsConfig", () => {
    it("reads a map from resource name to invitation", () => {
        const { entries, problems } = parseRejectionsConfig({ "vendor-data": { invitationArn: ARN } });
        expect(problems).to.deep.equal([]);
        expect(entries).to.deep.equal([{ name: "vendor-data", invitationArn: ARN }]);
    });

    it("reads entries that select the invitation by its share", () => {
        const share = "arn:aws:ram:us-east-1:111122223333:resource-share/s";
        const { entries, problems } = parseRejectionsConfig({
            partner: { resourceShareArn: share, invitationWaitSeconds: 5 },
        });
        expect(problems).to.deep.equal([]);
        expect(entries).to.deep.equal([{ name: "partner", resourceShareArn: share, invitationWaitSeconds: 5 }]);
    });

    it("refuses an entry with both or neither selector, and a bad wait", () => {
        const share = "arn:aws:ram:us-east-1:111122223333:resource-share/s";
        const { problems } = parseRejectionsConfig(
            {
                both: { invitationArn: ARN, resourceShareArn: share },
                none: {},
                slow: { resourceShareArn: share, invitationWaitSeconds: "x" },
            },
            "p:rejections",
        );
        expect(problems).to.deep.equal([
            "p:rejections.both: give only one of invitationArn and resourceShareArn, not both",
            "p:rejections.none: give either invitationArn (the invitation to reject) " +
                "or resourceShareArn (the share whose invitation to reject)",
            "p:rejections.slow.invitationWaitSeconds must be a number of seconds (0 or more)",
        ]);
    });

    it("treats absent config as no rejections", () => {
        expect(parseRejectionsConfig(undefined)).to.deep.equal({ entries: [], problems: [] });
    });

    it("refuses a list, naming the expected shape", () => {
        const { problems } = parseRejectionsConfig([{ invitationArn: ARN }], "p:rejections");
        expect(problems).to.deep.equal([
            "p:rejections must be a map from resource name to { invitationArn: ... } " +
                "or { resourceShareArn: ... }, got a list",
        ]);
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
        expect(text).to.contain("p:rejections.typo: give either invitationArn");
        expect(text).to.contain("p:rejections.scalar must be a map");
        expect(text).to.contain("p:rejections.wrongArn.invitationArn");
    });
});

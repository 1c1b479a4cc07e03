import { expect } from "chai";
import { parseRamArn } from "../../../provider/inputs/arn";

const GOOD = [
    ["arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-b505-7e2a-420d-6f5d3b6b5d1f", "us-east-1"],
    ["arn:aws:ram:eu-west-2:444455556666:resource-share-invitation/abc", "eu-west-2"],
    ["arn:aws-cn:ram:cn-north-1:111122223333:resource-share-invitation/abc", "cn-north-1"],
    ["arn:aws-us-gov:ram:us-gov-west-1:111122223333:resource-share-invitation/abc", "us-gov-west-1"],
    ["arn:aws-iso-b:ram:us-isob-east-1:111122223333:resource-share-invitation/abc", "us-isob-east-1"],
    ["arn:aws-eusc:ram:eusc-de-east-1:111122223333:resource-share-invitation/abc", "eusc-de-east-1"],
] as const;

// Each bad input with a fragment of the problem it must report.
const BAD: [unknown, string][] = [
    [undefined, "must be a string, got a undefined"],
    [42, "must be a string, got a number"],
    [null, "got null"],
    [["arn"], "got a list"],
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    [" arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc", "white space"],
    ["not-an-arn", "is not an ARN"],
    ["arn:aws:ram:us-east-1:111122223333", "is not an ARN"],
    ["arn:aws:ram:us-east-1:111122223333:resource-share-invitation/a:b", "is not an ARN"],
    ["arn:aws:s3:us-east-1:111122223333:resource-share-invitation/abc", 'names the service "s3"'],
    ["arn:aws:ram::111122223333:resource-share-invitation/abc", "no valid region"],
    ["arn:aws:ram:US-EAST-1:111122223333:resource-share-invitation/abc", "no valid region"],
    ["arn:aws-cn:ram:us-east-1:111122223333:resource-share-invitation/abc", 'belongs to partition "aws"'],
    ["arn:aws:ram:cn-north-1:111122223333:resource-share-invitation/abc", 'belongs to partition "aws-cn"'],
    ["arn:aws:ram:us-east-1:11112222333:resource-share-invitation/abc", "no valid account id"],
    ["arn:aws:ram:us-east-1:11112222333x:resource-share-invitation/abc", "no valid account id"],
    ["arn:aws:ram:us-east-1:111122223333:resource-share/abc", 'is a "resource-share" ARN'],
    ["arn:aws:ram:us-east-1:111122223333:resource-share-invitation", "no valid resource-share-invitation id"],
    ["arn:aws:ram:us-east-1:111122223333:resource-share-invitation/", "no valid resource-share-invitation id"],
    ["arn:aws:ram:us-east-1:111122223333:resource-share-invitation/a b", "no valid resource-share-invitation id"],
];

describe("parseRamArn", () => {
    for (const [arn, region] of GOOD) {
        it(`accepts ${arn}`, () => {
            const parsed = parseRamArn(arn, "resource-share-invitation");
            expect(parsed).to.deep.include({ ok: true });
            if (parsed.ok) {
                expect(parsed.value.region).to.equal(region);
                expect(parsed.value.accountId).to.equal(arn.split(":")[4]);
                expect(parsed.value.resourceType).to.equal("resource-share-invitation");
            }
        });
    }

    for (const [input, fragment] of BAD) {
        it(`rejects ${JSON.stringify(input)}`, () => {
            const parsed = parseRamArn(input, "resource-share-invitation");
            expect(parsed.ok).to.equal(false);
            if (!parsed.ok) {
                expect(parsed.problems.join("\n")).to.contain(fragment);
            }
        });
    }

    it("reports every problem of an ARN at once", () => {
        const parsed = parseRamArn("arn:aws:ec2:nowhere:123:resource-share/x", "resource-share-invitation");
        expect(parsed.ok).to.equal(false);
        if (!parsed.ok) {
            expect(parsed.problems).to.have.length(4);
        }
    });

    it("parses share ARNs when asked for them", () => {
        const parsed = parseRamArn("arn:aws:ram:us-east-1:111122223333:resource-share/abc", "resource-share");
        expect(parsed.ok).to.equal(true);
    });
});

import { expect } from "chai";
import { checkPolicyArgs } from "../../../provider/policy/policy-args";

const KEY = "ram-invitations:policy";
const VALID = { allowedSenderAccountIds: ["111122223333"], regions: ["us-east-1", "eu-west-1"] };

describe("checkPolicyArgs", () => {
    it("fills in the defaults", () => {
        expect(checkPolicyArgs(VALID, KEY)).to.deep.equal({
            args: {
                ...VALID,
                allowedResourceShareNames: undefined,
                maxRejectionsPerRun: 10,
                mode: "enforce",
                allowed: "leave",
                maxAcceptancesPerRun: 10,
                roleArn: undefined,
                externalId: undefined,
                roleSessionName: undefined,
            },
            problems: [],
        });
    });

    it("accepts every setting", () => {
        const all = {
            ...VALID,
            allowedResourceShareNames: ["subnets"],
            maxRejectionsPerRun: 50,
            mode: "report",
            allowed: "accept",
            maxAcceptancesPerRun: 3,
            roleArn: "arn:aws:iam::222222222222:role/ram-invitations",
            externalId: "platform-team",
            roleSessionName: "nightly",
        };
        expect(checkPolicyArgs(all, KEY)).to.deep.equal({ args: all, problems: [] });
    });

    // Each case: the input, and every problem it must report (all at once, each naming its key).
    const CASES: { title: string; value: unknown; problems: string[] }[] = [
        {
            title: "not an object",
            value: ["x"],
            problems: [
                `${KEY} must be an object with allowedSenderAccountIds (or allowedOrganizationTargets) and regions`,
            ],
        },
        {
            title: "missing lists",
            value: {},
            problems: [
                `${KEY}.allowedSenderAccountIds is required: a list of account ids (or name the organization, its ` +
                    `root or OUs to allow in allowedOrganizationTargets)`,
                `${KEY}.regions is required: a list (or set the provider's region, ram-invitations:region)`,
            ],
        },
        {
            title: "bad account ids and a duplicate",
            value: { ...VALID, allowedSenderAccountIds: ["1234", "111122223333", "111122223333", 7] },
            problems: [
                `${KEY}.allowedSenderAccountIds[0] "1234" is not a 12-digit account id`,
                `${KEY}.allowedSenderAccountIds[2] repeats ${KEY}.allowedSenderAccountIds[1] ("111122223333")`,
                `${KEY}.allowedSenderAccountIds[3] was read as the number 7, which has fewer than 12 digits: the ` +
                    `id's leading zero was lost, because YAML reads an unquoted id as a number. Quote the id in ` +
                    `Pulumi.<stack>.yaml ("0..."), or set it with \`pulumi config set --type string --path ...\``,
            ],
        },
        {
            // `pulumi config set --path '...allowedSenderAccountIds[0]' 012345678901` stores 12345678901.
            title: "an id that lost its leading zero, and numbers that are no id",
            value: { ...VALID, allowedSenderAccountIds: [12345678901, 1.5, 1234567890123, true] },
            problems: [
                `${KEY}.allowedSenderAccountIds[0] was read as the number 12345678901, which has fewer than 12 ` +
                    `digits: the id's leading zero was lost, because YAML reads an unquoted id as a number. Quote ` +
                    `the id in Pulumi.<stack>.yaml ("0..."), or set it with ` +
                    `\`pulumi config set --type string --path ...\``,
                `${KEY}.allowedSenderAccountIds[1] must be a 12-digit account id, got the number 1.5`,
                `${KEY}.allowedSenderAccountIds[2] must be a 12-digit account id, got the number 1234567890123`,
                `${KEY}.allowedSenderAccountIds[3] must be a non-empty string, got true`,
            ],
        },
        { title: "no region", value: { ...VALID, regions: [] }, problems: [`${KEY}.regions must name at least one`] },
        {
            title: "unknown regions",
            value: { ...VALID, regions: ["us-east-9", "aws-global", "eu-west-1", "eu-west-1"] },
            problems: [
                `${KEY}.regions[0] "us-east-9" is not a region the AWS SDK knows (e.g. "us-east-1", "eu-west-1"); ` +
                    `check the spelling, or update @aws-sdk/core if the region is new`,
                `${KEY}.regions[1] "aws-global" is not a region the AWS SDK knows (e.g. "us-east-1", "eu-west-1"); ` +
                    `check the spelling, or update @aws-sdk/core if the region is new`,
                `${KEY}.regions[3] repeats ${KEY}.regions[2] ("eu-west-1")`,
            ],
        },
        {
            title: "bad guard, mode and share names, and an unknown setting",
            value: {
                ...VALID,
                maxRejectionsPerRun: 0,
                mode: "dry-run",
                allowedResourceShareNames: [""],
                allowSenders: [],
                allowed: "yes",
                maxAcceptancesPerRun: -1,
            },
            problems: [
                `${KEY}.allowSenders is not a policy setting (the settings are allowedSenderAccountIds, regions, ` +
                    `allowedResourceShareNames, maxRejectionsPerRun, mode, allowed, maxAcceptancesPerRun, roleArn, ` +
                    `externalId, roleSessionName, allowedOrganizationTargets, organizationRoleArn, ` +
                    `organizationExternalId, organizationRoleSessionName)`,
                `${KEY}.allowedResourceShareNames[0] must be a non-empty string, got ""`,
                `${KEY}.maxRejectionsPerRun must be a whole number of 1 or more, got 0`,
                `${KEY}.maxAcceptancesPerRun must be a whole number of 1 or more, got -1`,
                `${KEY}.allowed must be "accept" or "leave", got "yes"`,
                `${KEY}.mode must be "enforce" or "report", got "dry-run"`,
            ],
        },
        {
            title: "a bad role, and an external id without a role",
            value: { ...VALID, roleArn: "arn:aws:iam::1:user/x" },
            problems: [
                `${KEY}.roleArn "arn:aws:iam::1:user/x" is not an IAM role ARN ` +
                    `like arn:aws:iam::111122223333:role/name`,
            ],
        },
        {
            title: "an external id without a role",
            value: { ...VALID, externalId: "abc" },
            problems: [`${KEY}.externalId is only used with roleArn`],
        },
        {
            title: "a fractional guard",
            value: { ...VALID, maxRejectionsPerRun: 2.5 },
            problems: [`${KEY}.maxRejectionsPerRun must be a whole number of 1 or more, got 2.5`],
        },
    ];
    for (const c of CASES) {
        it(`reports ${c.title}`, () => {
            expect(checkPolicyArgs(c.value, KEY)).to.deep.equal({ problems: c.problems });
        });
    }

    it("takes a 12-digit number as the account id, as YAML and pulumi config set --path store one", () => {
        const { args, problems } = checkPolicyArgs({ ...VALID, allowedSenderAccountIds: [111122223333] }, KEY);
        expect(problems).to.deep.equal([]);
        expect(args?.allowedSenderAccountIds).to.deep.equal(["111122223333"]);
    });

    it("accepts regions of every partition", () => {
        const regions = ["us-gov-west-1", "cn-north-1", "eusc-de-east-1"];
        expect(checkPolicyArgs({ ...VALID, regions }, KEY).problems).to.deep.equal([]);
    });

    it("the provider's region stands in for regions left out, never for regions given", () => {
        const { regions: _given, ...withoutRegions } = VALID;
        expect(checkPolicyArgs(withoutRegions, KEY, "eu-central-1").args?.regions).to.deep.equal(["eu-central-1"]);
        expect(checkPolicyArgs(VALID, KEY, "eu-central-1").args?.regions).to.deep.equal(VALID.regions);
        expect(checkPolicyArgs({ ...VALID, regions: [] }, KEY, "eu-central-1").problems).to.deep.equal([
            `${KEY}.regions must name at least one`,
        ]);
    });
});

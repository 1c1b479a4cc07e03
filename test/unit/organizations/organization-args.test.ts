/**
 * A policy's organization settings, checked offline: the target ids with AWS's patterns, the rule
 * that one of the two allow lists is given, and the role to read Organizations through.
 */
import { expect } from "chai";
import fc from "fast-check";
import { checkPolicyArgs } from "../../../provider/policy/policy-args";
import { describeTargetProblem, kindOfTarget } from "../../../provider/organizations/targets";

const KEY = "ram-invitations:policy";
const OU = "ou-ab12-cdef3456";
const ROOT = "r-ab12";
const ORGANIZATION = "o-a1b2c3d4e5";
const REGIONS = ["us-east-1"];

describe("organization targets", () => {
    it("tells the organization, a root and an OU apart by AWS's id patterns", () => {
        expect([ORGANIZATION, ROOT, OU, "111122223333", "ou-ab1-cdef3456"].map(kindOfTarget)).to.deep.equal([
            "organization",
            "root",
            "ou",
            undefined,
            undefined,
        ]);
    });

    it("says what shape each kind of id has, and where an account id belongs", () => {
        expect(describeTargetProblem("ou-AB12-cdef3456")).to.match(/an OU id is ou-<4 to 32 of a-z 0-9>-<8 to 32/);
        expect(describeTargetProblem("r-1")).to.match(/a root id is r-<4 to 32 of a-z 0-9>/);
        expect(describeTargetProblem("o-short")).to.match(/an organization id is o-<10 to 32 of a-z 0-9>/);
        expect(describeTargetProblem("111122223333")).to.match(/an account id belongs in allowedSenderAccountIds/);
        expect(describeTargetProblem(OU)).to.equal(undefined);
    });

    it("accepts every id of the patterns, and nothing with an upper-case letter", () => {
        const lower = fc.stringMatching(/^[a-z0-9]{8,32}$/);
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z0-9]{4,32}$/), lower, (root, ou) => {
                expect(kindOfTarget(`ou-${root}-${ou}`)).to.equal("ou");
                expect(kindOfTarget(`r-${root}`)).to.equal("root");
                expect(kindOfTarget(`ou-${root}-${ou}`.toUpperCase())).to.equal(undefined);
            }),
        );
    });
});

describe("checkPolicyArgs with allowedOrganizationTargets", () => {
    it("needs no account ids when targets are given, and keeps both when both are", () => {
        const onlyTargets = checkPolicyArgs({ allowedOrganizationTargets: [OU], regions: REGIONS }, KEY);
        expect(onlyTargets.problems).to.deep.equal([]);
        expect(onlyTargets.args?.allowedSenderAccountIds).to.deep.equal([]);
        expect(onlyTargets.args?.allowedOrganizationTargets).to.deep.equal([OU]);
        const both = checkPolicyArgs(
            {
                allowedSenderAccountIds: ["111122223333"],
                allowedOrganizationTargets: [ORGANIZATION, ROOT, OU],
                regions: REGIONS,
            },
            KEY,
        );
        expect(both.problems).to.deep.equal([]);
    });

    it("reports a malformed, empty or repeated target by its position", () => {
        // An empty list names none (Pulumi YAML's default for a program that gives none).
        expect(checkPolicyArgs({ allowedOrganizationTargets: [], regions: REGIONS }, KEY).problems).to.deep.equal([
            `${KEY}.allowedSenderAccountIds is required: a list of account ids (or name the organization, its ` +
                `root or OUs to allow in allowedOrganizationTargets)`,
        ]);
        const none = checkPolicyArgs(
            { allowedSenderAccountIds: [], allowedOrganizationTargets: [], regions: REGIONS },
            KEY,
        );
        expect(none.args).to.not.have.property("allowedOrganizationTargets");
        const { problems } = checkPolicyArgs(
            { allowedOrganizationTargets: [OU, "ou-x", OU, 5], regions: REGIONS },
            KEY,
        );
        expect(problems).to.have.length(3);
        expect(problems[0]).to.match(
            new RegExp(`^${KEY}\\.allowedOrganizationTargets\\[1\\] "ou-x" is not an organization, root or OU id`),
        );
        expect(problems[1]).to.equal(
            `${KEY}.allowedOrganizationTargets[2] repeats ${KEY}.allowedOrganizationTargets[0] ("${OU}")`,
        );
        expect(problems[2]).to.equal(`${KEY}.allowedOrganizationTargets[3] must be a non-empty string, got 5`);
    });

    it("checks the organization's role under its own names, and never repeats the external id", () => {
        const { problems } = checkPolicyArgs(
            {
                allowedOrganizationTargets: [OU],
                regions: REGIONS,
                organizationRoleArn: "arn:aws:iam::1:user/x",
                organizationExternalId: "!",
                organizationRoleSessionName: "x",
            },
            KEY,
        );
        expect(problems).to.deep.equal([
            `${KEY}.organizationRoleArn "arn:aws:iam::1:user/x" is not an IAM role ARN like ` +
                `arn:aws:iam::111122223333:role/name`,
            `${KEY}.organizationExternalId must be 2 to 1224 of the characters A-Z a-z 0-9 _+=,.@:/-`,
            `${KEY}.organizationRoleSessionName "x" must be 2 to 64 of the characters A-Z a-z 0-9 _+=,.@-`,
        ]);
        expect(
            checkPolicyArgs(
                { allowedOrganizationTargets: [OU], regions: REGIONS, organizationExternalId: "team-secret" },
                KEY,
            ).problems,
        ).to.deep.equal([`${KEY}.organizationExternalId is only used with organizationRoleArn`]);
    });

    it("refuses an organization role without a target to read it for", () => {
        const { problems } = checkPolicyArgs(
            {
                allowedSenderAccountIds: ["111122223333"],
                regions: REGIONS,
                organizationRoleArn: "arn:aws:iam::999999999999:role/org-reader",
            },
            KEY,
        );
        expect(problems).to.deep.equal([`${KEY}.organizationRoleArn is only used with allowedOrganizationTargets`]);
    });

    it("keeps the organization's role apart from the policy's own", () => {
        const { args } = checkPolicyArgs(
            {
                allowedOrganizationTargets: [OU],
                regions: REGIONS,
                roleArn: "arn:aws:iam::222222222222:role/receiver",
                organizationRoleArn: "arn:aws:iam::999999999999:role/org-reader",
                organizationExternalId: "team-secret",
            },
            KEY,
        );
        expect(args).to.include({
            roleArn: "arn:aws:iam::222222222222:role/receiver",
            organizationRoleArn: "arn:aws:iam::999999999999:role/org-reader",
            organizationExternalId: "team-secret",
        });
    });
});

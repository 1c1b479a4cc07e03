import { expect } from "chai";
import { parseAccountsConfig } from "../../../provider/config/accounts-config";

const KEY = "ram-invitations:accounts";
const ROLE = "arn:aws:iam::222222222222:role/ram-invitations";
const INVITATION = "arn:aws:ram:us-east-1:111111111111:resource-share-invitation/abc";

describe("parseAccountsConfig", () => {
    it("reads each account's role, rejections and policy", () => {
        const { accounts, problems } = parseAccountsConfig(
            {
                prod: {
                    roleArn: ROLE,
                    externalId: "ext",
                    rejections: { decline: { invitationArn: INVITATION } },
                    policy: { allowedSenderAccountIds: ["111111111111"], regions: ["us-east-1"] },
                },
            },
            KEY,
        );
        expect(problems).to.deep.equal([]);
        expect(accounts).to.have.length(1);
        expect(accounts[0]).to.deep.include({ name: "prod", roleArn: ROLE, externalId: "ext" });
        expect(accounts[0].rejections).to.deep.equal([{ name: "decline", invitationArn: INVITATION }]);
        expect(accounts[0].policy).to.deep.include({ regions: ["us-east-1"], mode: "enforce" });
    });

    // Each case: the value, and every problem it must report at once, by key.
    const CASES: { title: string; value: unknown; problems: string[] }[] = [
        {
            title: "not a map",
            value: [],
            problems: [`${KEY} must be a map from account name to { roleArn, rejections?, policy? }`],
        },
        {
            title: "an account without a role, with a bad name and an unknown key",
            value: { "bad name": { rejection: {} } },
            problems: [
                `${KEY}.bad name: "bad name" is not a usable account name; use letters, digits, ".", "_" and "-"`,
                `${KEY}.bad name has unknown keys rejection; ` +
                    `the keys are roleArn, externalId, roleSessionName, rejections, policy`,
                `${KEY}.bad name.roleArn is required: the role the stack assumes in this account`,
            ],
        },
        {
            title: "a bad role, a bad rejection and a bad policy, all at once",
            value: {
                prod: {
                    roleArn: "arn:aws:iam::2:role/x",
                    rejections: { decline: { invitationArn: "nope" } },
                    policy: { allowedSenderAccountIds: ["1"], regions: ["us-east-1"], roleArn: ROLE },
                },
            },
            problems: [
                `${KEY}.prod.roleArn "arn:aws:iam::2:role/x" is not an IAM role ARN ` +
                    `like arn:aws:iam::111122223333:role/name`,
                `${KEY}.prod.rejections.decline.invitationArn "nope" is not an ARN; expected the form ` +
                    `arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-b505-7e2a-420d-6f5d3EXAMPLE`,
                `${KEY}.prod.policy.roleArn: set it on the account, not on its policy`,
                `${KEY}.prod.policy.allowedSenderAccountIds[0] "1" is not a 12-digit account id`,
            ],
        },
    ];
    for (const c of CASES) {
        it(`reports ${c.title}`, () => {
            expect(parseAccountsConfig(c.value, KEY)).to.deep.equal({ accounts: [], problems: c.problems });
        });
    }
});

/**
 * What organization targets resolve to, over a reader of plain data: ACTIVE accounts only, nested
 * OUs included, each read made once, and every failure a refusal that names what could not be read.
 */
import { expect } from "chai";
import { OrganizationResolution } from "../../../provider/organizations/resolution";
import type { OrganizationAccount, OrganizationReader } from "../../../provider/organizations/reader";

import {
    ALLOWED_OU as PLATFORM,
    NESTED_OU as NESTED,
    ORGANIZATION_ID as ORGANIZATION,
    OTHER_OU as SANDBOX,
    ROOT_ID as ROOT,
} from "../../support/organization-ids";

/**
 * root: 100000000001; platform/: 100000000002; platform/nested/: 100000000003 and a suspended
 * 100000000004; sandbox/: 100000000005.
 */
const PARENTS: Record<string, { ous: string[]; accounts: OrganizationAccount[] }> = {
    [ROOT]: { ous: [PLATFORM, SANDBOX], accounts: [{ id: "100000000001", active: true }] },
    [PLATFORM]: { ous: [NESTED], accounts: [{ id: "100000000002", active: true }] },
    [NESTED]: {
        ous: [],
        accounts: [
            { id: "100000000003", active: true },
            { id: "100000000004", active: false },
        ],
    },
    [SANDBOX]: { ous: [], accounts: [{ id: "100000000005", active: true }] },
};

/** A reader of PARENTS that counts its calls; `fail` makes the named call throw. */
function fakeReader(fail: Partial<Record<keyof OrganizationReader, Error>> = {}) {
    const calls: string[] = [];
    const parent = (id: string) => {
        const found = PARENTS[id];
        if (!found) {
            throw Object.assign(new Error("parent not found"), { name: "ParentNotFoundException" });
        }
        return found;
    };
    const call = async <T>(name: keyof OrganizationReader, argument: string, answer: () => T): Promise<T> => {
        calls.push(`${name}${argument ? ` ${argument}` : ""}`);
        if (fail[name]) {
            throw fail[name];
        }
        return answer();
    };
    const reader: OrganizationReader = {
        describeOrganization: () => call("describeOrganization", "", () => ({ id: ORGANIZATION })),
        listRoots: () => call("listRoots", "", () => [ROOT]),
        listChildOUs: (id) => call("listChildOUs", id, () => parent(id).ous),
        listAccountsForParent: (id) => call("listAccountsForParent", id, () => parent(id).accounts),
        listAccounts: () => call("listAccounts", "", () => Object.values(PARENTS).flatMap((p) => p.accounts)),
    };
    return { reader, calls };
}

const THROUGH = "role arn:aws:iam::999999999999:role/org-reader";

describe("organization target resolution", () => {
    it("resolves an OU with its nested OUs, the root and the organization to their ACTIVE accounts", async () => {
        const { reader } = fakeReader();
        const resolved = await new OrganizationResolution(reader, THROUGH).resolve([
            PLATFORM,
            SANDBOX,
            ROOT,
            ORGANIZATION,
        ]);
        expect(resolved).to.deep.equal({
            [PLATFORM]: ["100000000002", "100000000003"],
            [SANDBOX]: ["100000000005"],
            [ROOT]: ["100000000001", "100000000002", "100000000003", "100000000005"],
            [ORGANIZATION]: ["100000000001", "100000000002", "100000000003", "100000000005"],
        });
    });

    it("reads each part once, however many policies ask and however the targets overlap", async () => {
        const { reader, calls } = fakeReader();
        const resolution = new OrganizationResolution(reader, THROUGH);
        await Promise.all([
            resolution.resolve([PLATFORM]),
            resolution.resolve([ROOT, NESTED]),
            resolution.resolve([PLATFORM]),
        ]);
        expect([...calls].sort()).to.deep.equal(
            [
                "describeOrganization",
                "listRoots",
                ...[ROOT, PLATFORM, NESTED, SANDBOX].flatMap((id) => [
                    `listAccountsForParent ${id}`,
                    `listChildOUs ${id}`,
                ]),
            ].sort(),
        );
    });

    it("refuses an OU that does not exist, naming it and the organization", async () => {
        const { reader } = fakeReader();
        const failure = await new OrganizationResolution(reader, THROUGH)
            .resolve(["ou-ab12-missing11"])
            .catch((e) => e);
        expect(failure.name).to.equal("OrganizationReadError");
        expect(failure.message).to.match(
            new RegExp(`^OU ou-ab12-missing11 does not exist in organization ${ORGANIZATION}, as ${THROUGH} reads it`),
        );
    });

    it("refuses a root or an organization other than the reader's", async () => {
        const { reader } = fakeReader();
        const resolution = new OrganizationResolution(reader, THROUGH);
        const root = await resolution.resolve(["r-zz99"]).catch((e) => e);
        expect(root.message).to.match(/^root r-zz99 is not a root of organization o-a1b2c3d4e5 \(its roots: r-ab12\)/);
        const other = await resolution.resolve(["o-zzzzzzzzzz"]).catch((e) => e);
        expect(other.message).to.match(/^organization o-zzzzzzzzzz is not the one role .* reads \(o-a1b2c3d4e5\)/);
    });

    // Each: the SDK's error name, what the message must say to do.
    const FAILURES: [string, RegExp][] = [
        ["AccessDeniedException", /may not read the OUs of OU .* give organizationRoleArn a role/],
        ["AWSOrganizationsNotInUseException", /is not in an AWS Organization/],
        ["TooManyRequestsException", /throttled the reads of the OUs of OU .* past the SDK's retries/],
    ];
    for (const [name, says] of FAILURES) {
        it(`refuses when Organizations answers ${name}, saying what could not be read and what to do`, async () => {
            const { reader } = fakeReader({ listChildOUs: Object.assign(new Error("no"), { name }) });
            const failure = await new OrganizationResolution(reader, THROUGH).resolve([PLATFORM]).catch((e) => e);
            expect(failure.name).to.equal("OrganizationReadError");
            expect(failure.message).to.match(says);
            expect(failure.message).to.include(`${name}: no`);
        });
    }

    it("keeps a failure for the run, so every policy that asks refuses alike", async () => {
        const { reader, calls } = fakeReader({
            describeOrganization: Object.assign(new Error("denied"), { name: "AccessDeniedException" }),
        });
        const resolution = new OrganizationResolution(reader, THROUGH);
        const outcomes = await Promise.allSettled([resolution.resolve([PLATFORM]), resolution.resolve([ROOT])]);
        expect(outcomes.map((o) => o.status)).to.deep.equal(["rejected", "rejected"]);
        expect(calls).to.deep.equal(["describeOrganization"]);
    });
});

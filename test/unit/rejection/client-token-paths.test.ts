import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

interface TokenPath {
    label: string;
    plain: boolean;
    token: string;
    expected: string;
    urn: string;
}

// A top-level answer with plain ARNs gets its token at once, without an Output; every path must
// give the token derived from the URN Pulumi computes, or stacks would see their tokens change.
describe("the client token input", function () {
    this.timeout(60_000);
    let paths: TokenPath[];

    before(() => {
        const fixture = path.join(__dirname, "fixtures", "client-token-paths.ts");
        const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", fixture], {
            encoding: "utf8",
        });
        paths = JSON.parse(stdout) as TokenPath[];
    });

    it("is the token of the URN Pulumi computes, on every path", () => {
        expect(paths).to.have.length(4);
        for (const p of paths) {
            expect(p.token, p.label).to.equal(p.expected);
        }
    });

    it("is computed at once only for a top-level answer whose ARNs are plain strings", () => {
        expect(Object.fromEntries(paths.map((p) => [p.label, p.plain]))).to.deep.equal({
            "top level, plain invitation ARN": true,
            "top level, invitation ARN as an Output": false,
            "top level, plain share ARN": true,
            "under a component, plain invitation ARN": false,
        });
    });

    it("names the stack, the project and the parent's type as Pulumi does", () => {
        expect(paths[0].urn).to.equal(
            "urn:pulumi:stack::project::pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data",
        );
        expect(paths[3].urn).to.equal(
            "urn:pulumi:stack::project::acme:ram:Rejections$pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data",
        );
    });
});

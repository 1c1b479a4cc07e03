/**
 * The generated SDKs in sdk/ are what the plugin's schema gives today: `npm run gen-sdk -- --check`
 * as a test, so that a schema change without `npm run gen-sdk` fails the build.
 */
import { expect } from "chai";
import { ensurePulumi } from "../../scripts/pulumi-harness";
import { staleSdkFiles } from "../../scripts/gen-sdk";

describe("the generated SDKs (sdk/)", function () {
    this.timeout(10 * 60_000);

    it("are current with the plugin's schema (else run npm run gen-sdk)", async () => {
        expect(staleSdkFiles(await ensurePulumi())).to.deep.equal([]);
    });
});

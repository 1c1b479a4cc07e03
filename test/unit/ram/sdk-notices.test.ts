import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");
const SWITCH = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";

/**
 * What a fresh process prints on stderr when the AWS SDK's own check meets Node.js v20.0.0, after
 * the provider's silenceNodeVersionNotice() ran (or not). The version is given to the check, so
 * the test means the same on any Node.js that runs it.
 */
function stderrOfSdkCheck(options: { silenced: boolean; switchValue?: string }): string {
    const script =
        (options.silenced ? 'require("./provider/ram/sdk-notices").silenceNodeVersionNotice();' : "") +
        'require("@aws-sdk/core/client").emitWarningIfUnsupportedVersion("v20.0.0");';
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env[SWITCH];
    if (options.switchValue !== undefined) {
        env[SWITCH] = options.switchValue;
    }
    const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
        cwd: REPO,
        env,
        encoding: "utf8",
    });
    expect(run.status, run.stderr).to.equal(0);
    return run.stderr;
}

describe("silenceNodeVersionNotice", function () {
    this.timeout(30_000);

    it("the SDK prints its Node.js notice when nothing silences it", () => {
        expect(stderrOfSdkCheck({ silenced: false })).to.contain("NodeVersionSupportWarning");
    });

    it("turns the notice off", () => {
        expect(stderrOfSdkCheck({ silenced: true })).not.to.contain("NodeVersionSupportWarning");
    });

    it("turns the notice off when the switch is set but empty (blanked, as an unset variable)", () => {
        expect(stderrOfSdkCheck({ silenced: true, switchValue: "" })).not.to.contain("NodeVersionSupportWarning");
    });

    it("leaves a user's own setting of the switch alone", () => {
        expect(stderrOfSdkCheck({ silenced: true, switchValue: "false" })).to.contain("NodeVersionSupportWarning");
    });
});

import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { pausePromiseTraces } from "../../../provider/dynamic/promise-traces";

interface Registered {
    limitAfter: number;
    limitAfterThrow: number;
    promiseTraces: number;
    maxFrames: number;
    thrown?: { message: string; frames: number; namesCaller: boolean };
}

/** Runs fixtures/promise-traces.ts: InvitationRejections registered under Pulumi's mock monitor. */
function registerUnderMocks(env: NodeJS.ProcessEnv): Registered {
    const fixture = path.join(__dirname, "fixtures", "promise-traces.ts");
    const { PULUMI_DEBUG_PROMISE_LEAKS: _, ...inherited } = process.env;
    const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", fixture], {
        env: { ...inherited, ...env },
        encoding: "utf8",
    });
    return JSON.parse(stdout) as Registered;
}

const stackFrames = (error: Error) => (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));

describe("Pulumi's promise traces while a rejection registers", function () {
    this.timeout(60_000);

    describe("pausePromiseTraces", () => {
        let saved: number;
        let savedDebug: string | undefined;
        beforeEach(() => {
            saved = Error.stackTraceLimit;
            savedDebug = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
            delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
            Error.stackTraceLimit = 23;
        });
        afterEach(() => {
            Error.stackTraceLimit = saved;
            if (savedDebug !== undefined) {
                process.env.PULUMI_DEBUG_PROMISE_LEAKS = savedDebug;
            }
        });

        it("takes traces with no frames until it ends, then restores the program's limit, once", () => {
            const traces = pausePromiseTraces();
            expect(stackFrames(new Error("paused"))).to.have.length(0);
            traces.end();
            expect(Error.stackTraceLimit).to.equal(23);
            expect(stackFrames(new Error("resumed"))).to.not.have.length(0);
            Error.stackTraceLimit = 5;
            traces.end();
            expect(Error.stackTraceLimit, "a second end changes nothing").to.equal(5);
        });

        it("pauses nothing when PULUMI_DEBUG_PROMISE_LEAKS asks for the traces", () => {
            process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
            const traces = pausePromiseTraces();
            expect(Error.stackTraceLimit).to.equal(23);
            expect(stackFrames(new Error("debugging"))).to.not.have.length(0);
            traces.end();
            expect(Error.stackTraceLimit).to.equal(23);
        });

        it("gives an error thrown while paused the stack of the constructor's caller", () => {
            class Declared {
                constructor() {
                    const traces = pausePromiseTraces();
                    try {
                        throw new Error("bad input");
                    } catch (error) {
                        throw traces.endWithStack(error, Declared);
                    } finally {
                        traces.end();
                    }
                }
            }
            function declaringCaller(): unknown {
                try {
                    return new Declared();
                } catch (error) {
                    return error;
                }
            }
            const error = declaringCaller() as Error;
            expect(error.message).to.equal("bad input");
            expect(error.stack).to.contain("declaringCaller");
            expect(Error.stackTraceLimit).to.equal(23);
        });
    });

    describe("an InvitationRejection under Pulumi's runtime", () => {
        let registered: Registered;
        before(() => {
            registered = registerUnderMocks({});
        });

        it("registers with every promise trace empty and leaves the program's limit as it was", () => {
            // One rejection makes dozens of promises (four per property); none carries a frame.
            expect(registered.promiseTraces).to.be.greaterThan(20);
            expect(registered.maxFrames).to.equal(0);
            expect(registered.limitAfter).to.equal(17);
        });

        it("throws Pulumi's own error for a bad input with the stack of the caller, the limit restored", () => {
            const { thrown, limitAfterThrow } = registered;
            expect(thrown?.message).to.equal("Missing resource name argument (for URN creation)");
            expect(thrown?.namesCaller, "the stack names the program's file").to.equal(true);
            expect(limitAfterThrow).to.equal(17);
        });

        it("keeps every trace with PULUMI_DEBUG_PROMISE_LEAKS set", () => {
            const debugging = registerUnderMocks({ PULUMI_DEBUG_PROMISE_LEAKS: "1" });
            expect(debugging.maxFrames).to.be.greaterThan(0);
            expect(debugging.limitAfter).to.equal(17);
        });
    });
});

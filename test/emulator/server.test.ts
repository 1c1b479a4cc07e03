import { expect } from "chai";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { MAX_BODY_BYTES, RunningEmulator, startEmulator } from "../../emulator";
import { BASIC_SEED, BYSTANDER_AUTHORIZATION, expectStillServing, post } from "./helpers";

/** Whether a TCP connection to `host:port` is refused; anything else (a connection) is "no". */
function refused(host: string, port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = connect(port, host, () => {
            socket.destroy();
            resolve(false);
        });
        socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code === "ECONNREFUSED"));
    });
}

describe("emulator: HTTP server and robustness", () => {
    let emulator: RunningEmulator;
    let port: number;

    before(async () => {
        emulator = await startEmulator({ seed: BASIC_SEED });
        port = Number(new URL(emulator.endpoint).port);
    });

    after(() => emulator.stop());

    // Only this machine reaches the server, the admin API included: it listens on 127.0.0.1 alone.
    it("listens on loopback only", async function () {
        expect(emulator.endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        const addresses = Object.values(networkInterfaces())
            .flat()
            .filter((a) => a !== undefined && !a.internal && a.family === "IPv4")
            .map((a) => a!.address);
        if (addresses.length === 0) {
            this.skip(); // no other interface to try from
        }
        for (const address of addresses) {
            expect(await refused(address, port), address).to.equal(true);
        }
    });

    it(`answers a body over ${MAX_BODY_BYTES} bytes with 413, and keeps serving`, async () => {
        const huge = Buffer.alloc(MAX_BODY_BYTES + 1024, "a");
        const answer = await post(emulator.endpoint, "/rejectresourceshareinvitation", huge, {
            authorization: BYSTANDER_AUTHORIZATION,
        });
        expect(answer).to.deep.include({ status: 413, errorType: "RequestEntityTooLargeException" });
        const admin = await fetch(`${emulator.endpoint}/_emulator/seed`, { method: "POST", body: huge });
        expect(admin.status).to.equal(413);
        await expectStillServing(emulator.endpoint);
    });

    it("answers an unknown path with UnknownOperationException 404", async () => {
        const answer = await post(emulator.endpoint, "/deleteeverything", "{}");
        expect(answer).to.deep.include({ status: 404, errorType: "UnknownOperationException" });
        const wrongMethod = await fetch(`${emulator.endpoint}/rejectresourceshareinvitation`);
        expect(wrongMethod.status).to.equal(404);
    });

    it("answers bytes that are not HTTP with 400 and keeps serving", async () => {
        const reply = await new Promise<string>((resolve, reject) => {
            const socket = connect(port, "127.0.0.1", () => socket.write("this is not http\r\n\r\n"));
            let received = "";
            socket.on("data", (chunk) => (received += chunk.toString()));
            socket.on("end", () => resolve(received));
            socket.on("error", reject);
        });
        expect(reply).to.match(/^HTTP\/1\.1 400/);
        await expectStillServing(emulator.endpoint);
    });

    it("copes with a client that leaves in the middle of its body", async () => {
        await new Promise<void>((resolve) => {
            const socket = connect(port, "127.0.0.1", () => {
                socket.write(
                    'POST /rejectresourceshareinvitation HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"resou',
                );
                setTimeout(() => socket.destroy(), 20);
            });
            socket.on("close", () => resolve());
        });
        await expectStillServing(emulator.endpoint); // and after() shows that stopping does not wait for it forever
    });
});

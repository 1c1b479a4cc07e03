/**
 * A pass-through HTTP proxy in front of the emulator that counts the requests it has handed on,
 * by path. The emulator's call log records a request only when it has finished; a crash test
 * needs to know earlier, while requests are still in flight (the emulator sleeps its injected
 * latency after it has read the whole request), so that it can kill `pulumi up` at that moment.
 *
 * Requests are forwarded byte for byte with their headers (the Host header is part of the SigV4
 * signature). A request whose client goes away is still forwarded to the end, as AWS goes on
 * with a request it has received.
 */
import { createServer, request, Server } from "node:http";
import type { AddressInfo } from "node:net";

export class RequestCounter {
    private readonly forwarded = new Map<string, number>();

    private constructor(
        private readonly server: Server,
        /** The proxy's endpoint: give it to the client instead of the emulator's. */
        readonly endpoint: string,
    ) {}

    /** Starts a proxy on 127.0.0.1 that forwards every request to `target` (an `http://host:port` endpoint). */
    static async start(target: string): Promise<RequestCounter> {
        const upstream = new URL(target);
        const server = createServer((req, res) => {
            res.on("error", () => undefined); // the client may be gone (killed) before the answer arrives
            const forward = request(
                {
                    host: upstream.hostname,
                    port: upstream.port,
                    method: req.method,
                    path: req.url,
                    headers: req.headers,
                },
                (answer) => {
                    res.writeHead(answer.statusCode ?? 502, answer.headers);
                    answer.pipe(res);
                },
            );
            // The emulator dropping a connection (drop-after-commit) must reach the client as a drop too.
            forward.on("error", () => res.destroy());
            // Counted once the whole request has been handed to the emulator's socket.
            forward.on("finish", () => counter.count(req.url ?? "/"));
            req.pipe(forward);
        });
        await new Promise<void>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => resolve());
        });
        const { port } = server.address() as AddressInfo;
        const counter = new RequestCounter(server, `http://127.0.0.1:${port}`);
        return counter;
    }

    /** How many requests to `path` (e.g. `/rejectresourceshareinvitation`) were handed to the emulator. */
    received(path: string): number {
        return this.forwarded.get(path) ?? 0;
    }

    async stop(): Promise<void> {
        const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        await closed;
    }

    private count(path: string): void {
        this.forwarded.set(path, this.received(path) + 1);
    }
}

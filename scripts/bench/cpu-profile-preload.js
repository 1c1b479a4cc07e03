// Preloaded (NODE_OPTIONS=--require) into every Node.js process of a profiled Pulumi run by
// scripts/bench/profile.ts: records a V8 CPU profile, written in one-second pieces to
// $RAM_INVITATIONS_PROFILE_DIR, because the engine may end a provider process without an exit
// event (Node does not allow --cpu-prof in NODE_OPTIONS).
"use strict";
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.RAM_INVITATIONS_PROFILE_DIR;
// The provider plugin runs as its executable (node_modules/.bin/pulumi-resource-ram-invitations,
// a link to bin/provider/plugin/main.js); its "provider" is the dynamic provider's process.
const role = process.argv.some((a) => a.includes("dynamic-provider"))
    ? "provider"
    : process.argv.some((a) => a.includes("pulumi-resource-ram-invitations") || a.endsWith("plugin/main.js"))
      ? "plugin"
      : process.argv.some((a) => a.includes("cmd/run"))
        ? "program"
        : undefined;
if (dir && role) {
    const session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.start");
    let piece = 0;
    // A profile's samples are wall time spent running, so a process that waits for a core (another
    // process busy on the machine) looks busier than it is. Its CPU time, user and system, as the
    // kernel counts it, is written beside the profile with every piece: the CPU spent writing the
    // pieces themselves kept apart, for the reader to leave out.
    let writingMicros = 0;
    const micros = () => {
        const { user, system } = process.cpuUsage();
        return user + system;
    };
    const flush = () => {
        const started = micros();
        session.post("Profiler.stop", (error, result) => {
            if (!error) {
                const file = path.join(dir, `${role}-${process.pid}-${String(piece++).padStart(4, "0")}.cpuprofile`);
                fs.writeFileSync(file, JSON.stringify(result.profile));
            }
            session.post("Profiler.start");
            writingMicros += micros() - started;
            const usage = { cpuMicros: micros(), writingMicros };
            fs.writeFileSync(path.join(dir, `${role}-${process.pid}.usage.json`), JSON.stringify(usage));
        });
    };
    setInterval(flush, 1000).unref();
    process.on("exit", flush);
}

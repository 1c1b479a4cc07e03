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
    const flush = () => {
        session.post("Profiler.stop", (error, result) => {
            if (!error) {
                const file = path.join(dir, `${role}-${process.pid}-${String(piece++).padStart(4, "0")}.cpuprofile`);
                fs.writeFileSync(file, JSON.stringify(result.profile));
            }
            session.post("Profiler.start");
        });
    };
    setInterval(flush, 1000).unref();
    process.on("exit", flush);
}

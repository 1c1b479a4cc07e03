import { readdir, readFile } from "node:fs/promises";

/** The processes of a Pulumi run that the benchmark tells apart. */
export type ProcessRole = "provider" | "program" | "engine";

/** What one run's processes used: CPU seconds per role, and the providers' peak resident memory. */
export interface ProcessUsage {
    cpuSeconds: Record<ProcessRole, number>;
    providerPeakMiB: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Watches the processes of a Pulumi run, by scanning /proc four times a second (the same for the
 * rejections and the baseline, so the cost is the same for both): the dynamic-provider processes,
 * the program (`@pulumi/pulumi/cmd/run`) and the engine (the `pulumi` CLI). For each it keeps the
 * CPU time last seen (user + system), and for providers the peak resident memory (VmHWM). CPU used
 * after the last scan of a process that then exits is missed: at most a quarter second each. Linux only.
 */
export class ProcessWatch {
    private peakKiB = 0;
    private readonly watched = new Map<string, ProcessRole>();
    private readonly lastTicks = new Map<string, number>();
    private readonly timer: NodeJS.Timeout;

    constructor(intervalMs = 250) {
        this.timer = setInterval(() => void this.sample(), intervalMs);
    }

    /** Stops watching; what the run's processes used. */
    async stop(): Promise<ProcessUsage> {
        clearInterval(this.timer);
        await this.sample();
        const cpuSeconds: Record<ProcessRole, number> = { provider: 0, program: 0, engine: 0 };
        for (const [pid, role] of this.watched) {
            cpuSeconds[role] += (this.lastTicks.get(pid) ?? 0) / TICKS_PER_SECOND;
        }
        return { cpuSeconds, providerPeakMiB: Math.round((this.peakKiB / 1024) * 10) / 10 };
    }

    private async sample(): Promise<void> {
        for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name) && !this.watched.has(name))) {
            const role = roleOf(await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => ""));
            if (role) {
                this.watched.set(pid, role);
            }
        }
        for (const [pid, role] of this.watched) {
            const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            if (fields.length > 13) {
                this.lastTicks.set(pid, Number(fields[11]) + Number(fields[12]));
            }
            if (role === "provider") {
                const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
                const match = /VmHWM:\s+(\d+) kB/.exec(status);
                if (match) {
                    this.peakKiB = Math.max(this.peakKiB, Number(match[1]));
                }
            }
        }
    }
}

function roleOf(cmdline: string): ProcessRole | undefined {
    const args = cmdline.split("\0");
    // The dynamic provider, or the provider plugin (its executable, or the script it links to).
    if (
        cmdline.includes("dynamic-provider") ||
        cmdline.includes("pulumi-resource-ram-invitations") ||
        cmdline.includes("provider/plugin/main.js")
    ) {
        return "provider";
    }
    if (args.some((arg) => arg.endsWith("cmd/run") || arg.includes("@pulumi/pulumi/cmd/run"))) {
        return "program";
    }
    if (/(^|\/)pulumi$/.test(args[0]) && ["up", "preview", "refresh", "destroy"].includes(args[1])) {
        return "engine";
    }
    return undefined;
}

import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";

/** The processes of a Pulumi run that the benchmark tells apart. */
export type ProcessRole = "provider" | "program" | "engine";

/** What one run's processes used: CPU seconds per role, and the peak resident memory of each role's largest process. */
export interface ProcessUsage {
    cpuSeconds: Record<ProcessRole, number>;
    peakMiB: Record<ProcessRole, number>;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The variable that marks the processes of one measured run (see {@link watchMarker}): the
 * machine may run other Pulumi processes at the same time (another checkout's tests), which would
 * otherwise count as this run's.
 */
const WATCH_VARIABLE = "RAM_INVITATIONS_BENCH_WATCH";

/**
 * A fresh marker for the env of a Pulumi run (PulumiHarnessOptions.env, which every process of
 * the run inherits); a ProcessWatch given the same env watches those processes only.
 */
export function watchMarker(): Record<string, string> {
    return { [WATCH_VARIABLE]: randomUUID() };
}

/**
 * Watches the processes of a Pulumi run, by scanning /proc four times a second (the same for the
 * rejections and the baselines, so the cost is the same for all): the provider processes, the
 * program (`@pulumi/pulumi/cmd/run`) and the engine (the `pulumi` CLI). For each it keeps the CPU
 * time last seen (user + system) and the peak resident memory (VmHWM, the kernel's own high-water
 * mark, so a peak between two scans is not missed). What a process uses after its last scan before
 * it exits is missed: at most a quarter second of CPU, and any growth of its memory. Linux only.
 */
export class ProcessWatch {
    private readonly peakKiB: Record<ProcessRole, number> = { provider: 0, program: 0, engine: 0 };
    private readonly watched = new Map<string, ProcessRole>();
    /** Processes looked at and found not to be the run's: their /proc entries are not read again. */
    private readonly ignored = new Set<string>();
    private readonly lastTicks = new Map<string, number>();
    private readonly timer: NodeJS.Timeout;
    private readonly marker: string | undefined;

    /** @param env the run's env: when it holds a {@link watchMarker}, only the processes that inherited it count. */
    constructor(env: Readonly<Record<string, string>> = {}, intervalMs = 250) {
        this.marker = env[WATCH_VARIABLE] === undefined ? undefined : `${WATCH_VARIABLE}=${env[WATCH_VARIABLE]}`;
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
        const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
        const { provider, program, engine } = this.peakKiB;
        return { cpuSeconds, peakMiB: { provider: mib(provider), program: mib(program), engine: mib(engine) } };
    }

    private async sample(): Promise<void> {
        const unseen = (name: string) => /^\d+$/.test(name) && !this.watched.has(name) && !this.ignored.has(name);
        for (const pid of (await readdir("/proc")).filter(unseen)) {
            const role = roleOf(await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => ""));
            if (role && (await this.isTheRuns(pid))) {
                this.watched.set(pid, role);
            } else if (role) {
                this.ignored.add(pid);
            }
        }
        for (const [pid, role] of this.watched) {
            const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            if (fields.length > 13) {
                this.lastTicks.set(pid, Number(fields[11]) + Number(fields[12]));
            }
            const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
            const match = /VmHWM:\s+(\d+) kB/.exec(status);
            if (match) {
                this.peakKiB[role] = Math.max(this.peakKiB[role], Number(match[1]));
            }
        }
    }

    /** Whether `pid` inherited this watch's marker (always, without one); another user's processes never. */
    private async isTheRuns(pid: string): Promise<boolean> {
        if (this.marker === undefined) {
            return true;
        }
        const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
        return environ.split("\0").includes(this.marker);
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

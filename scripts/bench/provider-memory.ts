import { readdir, readFile } from "node:fs/promises";

/**
 * Watches the peak resident memory (VmHWM) of Pulumi's dynamic-provider processes while a run
 * goes on, by scanning /proc four times a second (the same for the rejections and the baseline,
 * so the cost is the same for both). Linux only.
 */
export class ProviderMemoryWatch {
    private peakKiB = 0;
    private readonly providers = new Set<string>();
    private readonly timer: NodeJS.Timeout;

    constructor(intervalMs = 250) {
        this.timer = setInterval(() => void this.sample(), intervalMs);
    }

    /** Stops watching; the highest peak seen, in MiB. */
    async stop(): Promise<number> {
        clearInterval(this.timer);
        await this.sample();
        return Math.round((this.peakKiB / 1024) * 10) / 10;
    }

    private async sample(): Promise<void> {
        for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name) && !this.providers.has(name))) {
            const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
            if (cmdline.includes("dynamic-provider")) {
                this.providers.add(pid);
            }
        }
        for (const pid of this.providers) {
            const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
            const match = /VmHWM:\s+(\d+) kB/.exec(status);
            if (match) {
                this.peakKiB = Math.max(this.peakKiB, Number(match[1]));
            }
        }
    }
}

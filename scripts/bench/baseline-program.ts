/**
 * The benchmark's baseline: N trivial dynamic resources whose create waits as long as one RAM
 * call takes in the benchmark (BENCH_LATENCY_MS). Its `up` time is Pulumi's own cost of N
 * dynamic resources; the ratio of the rejection program's time to it is this library's overhead.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const latencyMs = config.requireNumber("latencyMs");

const provider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: { index: number; latencyMs: number }) {
        await new Promise((resolve) => setTimeout(resolve, inputs.latencyMs));
        return { id: `baseline-${inputs.index}`, outs: inputs };
    },
};

class Baseline extends pulumi.dynamic.Resource {
    constructor(index: number) {
        super(provider, `baseline-${index}`, { index, latencyMs }, undefined, "bench", "Baseline");
    }
}

for (let index = 0; index < count; index++) {
    new Baseline(index);
}

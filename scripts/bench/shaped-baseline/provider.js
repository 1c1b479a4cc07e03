// The shaped baseline's dynamic provider (see ../shaped-baseline-program.ts). Plain JavaScript, so
// that the benchmark can install it under node_modules as it installs the library: Pulumi then
// stores it in state as a one-line `require`, exactly as it stores the library's provider.
"use strict";

/**
 * Like the rejection's check: the inputs without the internal preview flag, plus the two facts a
 * reviewer sees in a preview (the share's name as the emulator seeds it: bench-share-<index + 1>,
 * the index read back from the token).
 */
exports.check = async function check(_olds, news) {
    const { __preview, ...inputs } = news;
    const index = Number(inputs.clientToken.slice(-12));
    return {
        inputs: { ...inputs, senderAccountId: "111111111111", resourceShareName: `bench-share-${index + 1}` },
        failures: [],
    };
};

/** Waits one RAM call's latency and returns outputs of the rejection's names and sizes, but no AWS call. */
exports.create = async function create(inputs) {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.RAM_INVITATIONS_BENCH_LATENCY_MS)));
    const now = new Date().toISOString();
    return {
        id: inputs.invitationArn,
        outs: {
            invitationArn: inputs.invitationArn,
            resourceShareArn: inputs.invitationArn.replace("resource-share-invitation", "resource-share"),
            resourceShareName: inputs.resourceShareName,
            senderAccountId: inputs.senderAccountId,
            receiverAccountId: "222222222222",
            status: "REJECTED",
            invitationTimestamp: now,
            clientToken: inputs.clientToken,
            rejectedAt: now,
        },
    };
};

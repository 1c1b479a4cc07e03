/**
 * The accounts of the end-to-end tests: one that shares, one that receives. Their secrets are
 * checked by the emulator's SigV4 verification, and the no-secret-in-state tests grep for them.
 */
import type { SeedAccount } from "../../emulator";

export const SENDER = {
    accountId: "111111111111",
    accessKeyId: "AKIDE2ESENDER000001",
    secretAccessKey: "e2e-sender-secret",
} satisfies SeedAccount;

export const RECEIVER = {
    accountId: "222222222222",
    accessKeyId: "AKIDE2ERECEIVER0001",
    secretAccessKey: "e2e-receiver-secret",
} satisfies SeedAccount;

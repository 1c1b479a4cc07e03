import type { SeedAccount } from "./model/types";

/**
 * Accounts for the tests, the demo and the benchmarks (any seeded account works the same). Those
 * with a secret key have their SigV4 signatures checked; the bystander's are not.
 */
export const sampleAccounts = {
    /** Owns the shares. */
    sender: {
        accountId: "111111111111",
        accessKeyId: "AKIDSENDER000000001",
        secretAccessKey: "sender-secret",
        name: "sender",
    },
    /** Receives the invitations: the account that rejects. */
    receiver: {
        accountId: "222222222222",
        accessKeyId: "AKIDRECEIVER0000001",
        secretAccessKey: "receiver-secret",
        name: "receiver",
    },
    /** Receives invitations of its own, seeded without a secret key: its signatures are not checked. */
    bystander: {
        accountId: "333333333333",
        accessKeyId: "AKIDBYSTANDER000001",
        name: "bystander",
    },
    /** A third account with a secret key, for "not this account's invitation" cases. */
    other: {
        accountId: "444444444444",
        accessKeyId: "AKIDOTHER0000000001",
        secretAccessKey: "other-secret",
        name: "other",
    },
    /** The identity a pipeline runs as, which assumes a role in each receiving account. */
    hub: {
        accountId: "555555555555",
        accessKeyId: "AKIDHUB000000000001",
        secretAccessKey: "hub-secret",
        name: "hub",
    },
} satisfies Record<string, SeedAccount>;

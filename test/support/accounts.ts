/** The accounts of the tests: the emulator's sample accounts (see emulator/sample-accounts.ts). */
import { sampleAccounts } from "../../emulator";

export const { sender: SENDER, receiver: RECEIVER, bystander: BYSTANDER, other: OTHER, hub: HUB } = sampleAccounts;

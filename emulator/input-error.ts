/**
 * A seed or admin request the emulator cannot apply. The admin API answers it with 400 and
 * the message; {@link startEmulator} lets it reject.
 */
export class EmulatorInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "EmulatorInputError";
    }
}

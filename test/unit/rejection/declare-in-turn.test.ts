import { expect } from "chai";
import { declareInTurn } from "../../../provider/policy/declare-in-turn";

describe("declareInTurn", () => {
    it("declares every item once, in order, each in a turn of the event loop of its own", async () => {
        const seen: [string, number][] = []; // each item, and the turns that had run when it was declared
        let turns = 0;
        const tick = () => {
            turns++;
            if (turns < 10) {
                setImmediate(tick);
            }
        };
        setImmediate(tick);
        const declared = await declareInTurn(["a", "b", "c"], (item) => {
            seen.push([item, turns]);
            return item.toUpperCase();
        });
        expect(declared).to.deep.equal(["A", "B", "C"]);
        expect(seen.map(([item]) => item)).to.deep.equal(["a", "b", "c"]);
        // Other work runs between two declarations: the engine is not kept waiting for the last.
        const [[, first], [, second], [, third]] = seen;
        expect(second).to.be.greaterThan(first);
        expect(third).to.be.greaterThan(second);
    });

    it("stops at the first item whose declaration throws, and rejects with that error", async () => {
        const seen: number[] = [];
        const failure = await declareInTurn([1, 2, 3], (item) => {
            seen.push(item);
            if (item === 2) {
                throw new Error("bad entry 2");
            }
            return item;
        }).catch((error: Error) => error);
        expect(failure).to.be.instanceOf(Error).with.property("message", "bad entry 2");
        expect(seen).to.deep.equal([1, 2]);
    });

    it("declares with a stack that holds none of the awaiting callers, even when called after an await", async () => {
        async function callerThatAwaits(): Promise<string[]> {
            await Promise.resolve();
            return declareInTurn([0, 1], () => new Error().stack ?? "");
        }
        const stacks = await callerThatAwaits();
        for (const stack of stacks) {
            expect(stack).to.not.contain("callerThatAwaits");
            expect(stack).to.not.match(/\n\s+at async /);
        }
    });
});

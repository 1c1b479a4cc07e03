/** The parts of a resource URN the plugin needs: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackAndProjectOf(urn: string): { stack: string; project: string } {
    const [head = "", project = ""] = urn.split("::");
    return { stack: head.replace(/^urn:pulumi:/, ""), project };
}

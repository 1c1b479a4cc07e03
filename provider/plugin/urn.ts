/** The parts of a resource URN the plugin needs: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackAndProjectOf(urn: string): { stack: string; project: string } {
    const [head = "", project = ""] = urn.split("::");
    return { stack: head.replace(/^urn:pulumi:/, ""), project };
}

/** The resource's own type token: the URN's type is qualified by its parents' (`parent$child`). */
export function typeOf(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

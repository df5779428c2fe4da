// Variants the package ships beyond the reference's, registered when the package loads
// (imported for this effect by the entries: node.ts, browser.ts and the butane CLI).
// They use the public extension API only; a loader builds them on first use.
import { registerAcos } from "./acos/index";

registerAcos();

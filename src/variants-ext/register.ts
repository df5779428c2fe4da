// Variants the package ships beyond the reference's, registered when the package loads
// (called by the entries: node.ts, browser.ts and the butane CLI). They use the public
// extension API only; a loader builds them on first use.
import { registerAcos } from "./acos/index";

let registered = false;

/** Registers them once, however many entries call it. */
export function registerShippedVariants(): void {
  if (registered) return;
  registered = true;
  registerAcos();
}

// The base spec versions, by the reference's package name. Variants and the public
// API (`baseVersions`) take them from here, never from a version's folder by path:
// opening a new base version is its folder plus one line below.

import type { BaseVersion } from "./define";
import { base as v0_1 } from "./v0_1";
import { base as v0_2 } from "./v0_2";
import { base as v0_3 } from "./v0_3";
import { base as v0_4 } from "./v0_4";
import { base as v0_5 } from "./v0_5";
import { base as v0_6 } from "./v0_6";
import { base as v0_7 } from "./v0_7";
import { base as v0_8_exp } from "./v0_8_exp";

export const bases = { v0_1, v0_2, v0_3, v0_4, v0_5, v0_6, v0_7, v0_8_exp } as const satisfies Readonly<Record<string, BaseVersion>>;

export type BaseName = keyof typeof bases;

export type { BaseVersion } from "./define";

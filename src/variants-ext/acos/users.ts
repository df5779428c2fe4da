// ACOS users: checks on the preconfigured accounts, and passwords entered when
// compiling (`password: {prompt: true}`), which arrive here already hashed.
//
// ACOS images ship an `acos` user in the wheel and docker groups, and `root`; first
// boot sets their passwords and keys. Two mistakes are common and silent on the host:
// a plain password pasted into password_hash, and a `groups` list that (because
// Ignition replaces the supplementary groups of an existing user) takes wheel or
// docker away from `acos`. Both are warnings: the config is still valid Ignition.

import { ACOS_MESSAGES as M, type StructRule, type TranslateStep } from "../../index";
import { isCryptHash, looksLikePasswordHash } from "./crypt";

type Obj = Record<string, unknown>;

/** The acos-only field of a user. */
export const PASSWORD_STRUCTS = {
  UserPassword: [{ key: "prompt", type: "bool", optional: true }],
} as const;
export const PASSWORD_FIELD = { key: "password", type: "UserPassword", skip: true } as const;

/** The supplementary groups the ACOS image gives the acos user. */
const ACOS_GROUPS = ["wheel", "docker"];

/** What a caller passes in `variantOptions` for acos. */
export interface AcosVariantOptions {
  /** crypt(3) hashes of the passwords asked for by `password: {prompt: true}`, by user name. */
  passwordHashes?: Readonly<Record<string, string>>;
  /** Called for each user whose password is to be asked and has no hash yet. */
  onPasswordPrompt?: (user: string) => void;
}

const prompts = (u: Obj) => (u.password as Obj | undefined)?.prompt === true;

/** The user checks, run after the rule the base version already has for users. */
export function userRule(previous: StructRule | undefined): StructRule {
  return (u, path, report, env) => {
    previous?.(u, path, report, env);
    const name = typeof u.name === "string" ? u.name : "";
    if (prompts(u) && u.password_hash !== undefined && u.password_hash !== null) {
      report.error([...path, "password"], M.passwordPromptConflict.text, { code: M.passwordPromptConflict.code, atKey: true });
    }
    if (typeof u.password_hash === "string" && !looksLikePasswordHash(u.password_hash)) {
      report.warn([...path, "password_hash"], M.passwordHashNotCrypt.text(name), { code: M.passwordHashNotCrypt.code });
    }
    const groups = Array.isArray(u.groups) ? (u.groups as unknown[]) : [];
    if (name === "acos" && groups.length > 0 && u.should_exist !== false) {
      const missing = ACOS_GROUPS.filter((g) => !groups.includes(g));
      if (missing.length) report.warn([...path, "groups"], M.groupsDropDefaults.text(missing.join(" and ")), { code: M.groupsDropDefaults.code });
    }
  };
}

/** Fills password_hash of the users with `password: {prompt: true}` from the caller's hashes. */
export const passwordStep: TranslateStep = (ctx, cfg, result) => {
  const users = Array.isArray((cfg.passwd as Obj | undefined)?.users) ? ((cfg.passwd as Obj).users as Obj[]) : [];
  const options = (ctx.options.variantOptions ?? {}) as AcosVariantOptions;
  const hashes = options.passwordHashes !== null && typeof options.passwordHashes === "object" ? options.passwordHashes : {};
  const out = ((result.config.passwd as Obj | undefined)?.users ?? []) as Obj[];
  users.forEach((u, i) => {
    if (!prompts(u)) return;
    const name = typeof u.name === "string" ? u.name : "";
    const at = ["passwd", "users", i, "password", "prompt"];
    const hash = Object.hasOwn(hashes, name) ? hashes[name] : undefined;
    if (hash === undefined) {
      if (typeof options.onPasswordPrompt === "function") options.onPasswordPrompt(name);
      result.report.error(at, M.passwordNotEntered.text(name), { code: M.passwordNotEntered.code });
    } else if (typeof hash !== "string" || !isCryptHash(hash)) {
      // Never write something that may be a plain password.
      result.report.error(at, M.passwordOptionNotCrypt.text(name), { code: M.passwordOptionNotCrypt.code });
    } else if (out[i]) {
      out[i]!.passwordHash = hash;
      result.ts.add(at, ["passwd", "users", i, "passwordHash"]);
    }
  });
  return result;
};

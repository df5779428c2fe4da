// What a crypt(3) password hash looks like, per method, as libxcrypt writes them
// (and butane-mkpasswd / `mkpasswd --method=...`); and account locks.

const B64 = "[./0-9A-Za-z]";
const SALT = "[^$:\\s]";

const SHAPES: readonly RegExp[] = [
  new RegExp(`^\\$g?y\\$${B64}+\\$${B64}*\\$${B64}{43}$`), // yescrypt, gost-yescrypt
  new RegExp(`^\\$2[abxy]\\$[0-9]{2}\\$${B64}{53}$`), // bcrypt
  new RegExp(`^\\$6\\$(rounds=[0-9]+\\$)?${SALT}{0,16}\\$${B64}{86}$`), // sha512crypt
  new RegExp(`^\\$5\\$(rounds=[0-9]+\\$)?${SALT}{0,16}\\$${B64}{43}$`), // sha256crypt
  new RegExp(`^\\$1\\$${SALT}{0,8}\\$${B64}{22}$`), // md5crypt
];

/** A crypt(3) hash of one of the methods above. */
export function isCryptHash(s: string): boolean {
  return SHAPES.some((re) => re.test(s));
}

/**
 * A value password_hash may sensibly hold: a crypt(3) hash, or a lock (`!` or `*`,
 * alone or in front of a hash: the account cannot log in with a password).
 */
export function looksLikePasswordHash(s: string): boolean {
  return s.startsWith("!") || s.startsWith("*") || isCryptHash(s);
}

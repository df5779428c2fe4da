// The plain objects configs are decoded into, built from and validated as.

/** A config object: keys are data (never a prototype's), values are checked where used. */
export type Obj = Record<string, unknown>;

/**
 * A config object as Ignition's validators read it: they index into it freely, since the
 * spec tables say what each field holds; an absent key (or null) means Go's zero value.
 */
export type LooseObj = Readonly<Record<string, any>>;

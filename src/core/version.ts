// Version strings. The reference tool this one follows is Butane 0.29.0.
export const REFERENCE_VERSION = "0.29.0";
export const PACKAGE_VERSION = "0.1.0";
export const VERSION_STRING = `Butane ${REFERENCE_VERSION} (butane-ts ${PACKAGE_VERSION})`;

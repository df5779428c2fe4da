// Time zone names for zincati's `time_zone`: "localtime" or a name of the IANA tz
// database. The names are data (time-zones.generated.ts), not the host's Intl, so a
// config gets the same verdict in Node, in every browser and on every machine.

import { TZ_NAMES, TZ_RELEASE } from "./time-zones.generated";

export { TZ_RELEASE };

let names: ReadonlySet<string> | undefined;

function zoneNames(): ReadonlySet<string> {
  return (names ??= new Set(TZ_NAMES.split(" ")));
}

export function isKnownTimeZone(zone: string): boolean {
  return zone === "localtime" || zoneNames().has(zone);
}

/** A known name the user probably meant: same letters in another case, or the same city. */
export function suggestTimeZone(zone: string): string | undefined {
  const lower = zone.toLowerCase().replace(/ /g, "_");
  let byCity: string | undefined;
  for (const n of zoneNames()) {
    const l = n.toLowerCase();
    if (l === lower) return n;
    if (byCity === undefined && l.endsWith("/" + lower)) byCity = n;
  }
  return byCity;
}

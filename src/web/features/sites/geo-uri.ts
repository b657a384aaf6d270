/**
 * A `geo:` URI (RFC 5870) that opens the phone's map app at a place, with a pin named `label`:
 * `geo:LAT,LNG?q=LAT,LNG(label)`. Android map apps read the `q` form; the label is percent-encoded
 * so that spaces, brackets and Chinese survive.
 */
export function geoUri(lat: number, lng: number, label: string): string {
  const at = `${round(lat)},${round(lng)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

/** Six decimals: about 0.1 m, more than any position here carries. */
const round = (x: number) => String(Number(x.toFixed(6)));

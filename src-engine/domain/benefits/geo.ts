/** WLL's GeoPoint: where a command was made, optional on each command. */
export interface GeoPoint {
  readonly longitude: number;
  readonly latitude: number;
}

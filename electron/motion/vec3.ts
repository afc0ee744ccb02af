/** |(x, y, z)| without Math.hypot's argument handling (this runs once or more per sample). */
export function norm3(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z);
}

/** Resolved by addin/build.ts: the school's pack, validated at build time, embedded as JSON. */
declare module "virtual:school-pack" {
  const pack: unknown;
  export default pack;
}

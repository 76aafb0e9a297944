/**
 * The sizes of a fleet's tenants, as a SaaS portal's customers come: most
 * between 20 and 500 people (spread evenly on a log scale: many more of 50
 * than of 400), one in two hundred (at least one) between 10,000 and 100,000.
 * Seeded, so every run of the benchmark syncs the same fleet.
 */
export function fleetSizes(customers: number, seed = 17): number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const logUniform = (low: number, high: number) => Math.round(Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low))));
  const large = Math.max(1, Math.round(customers / 200));
  const sizes = Array.from({ length: customers - large }, () => logUniform(20, 500));
  // The largest is always 100,000 (the large tenant), the others anywhere from 10,000.
  for (let i = 0; i < large; i++) sizes.push(i === 0 ? 100_000 : logUniform(10_000, 100_000));
  return sizes;
}

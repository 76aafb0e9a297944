/** How the phonebook benchmark writes its figures, as bench:sync writes its own. */
export const n = (value: number) => value.toLocaleString("en-US");
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const mib = (value: number) => `${value.toFixed(0)} MiB`;
export const verdict = (ratio: number, target: number) => (ratio <= target ? "met" : "NOT MET");
export const ratioLine = (label: string, ratio: number, target: number) =>
  `    ${label.padEnd(34)}${ratio.toFixed(2).padStart(9)}   target <= ${target.toFixed(2)}   ${verdict(ratio, target)}`;

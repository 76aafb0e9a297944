import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfChanged } from "./launcher/build-if-changed";

/** The portal's production build, as `npm start` makes it (and skips when nothing changed): `npm test` builds it ahead of the browser tests. */
buildIfChanged(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));

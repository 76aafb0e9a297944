import { z } from "zod";
import { commandEnv } from "../lib/config/parse-env";
import { runMigrations } from "./migrate";

/** `npm run db:migrate`: applies the migrations to DATABASE_URL and nothing else. */
const { DATABASE_URL } = commandEnv(
  z.object({
    DATABASE_URL: z
      .string({ message: "is not set (`npm start` migrates the embedded database by itself)" })
      .url({ message: "must be a postgres:// connection URL" }),
  }),
);
await runMigrations(DATABASE_URL);
console.log("Migrations applied.");

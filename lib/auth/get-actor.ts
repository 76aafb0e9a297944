import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Actor } from "@/lib/actor";
import { actorOfSession } from "./actor-of-session";
import { authOptions } from "./auth-options";

/**
 * The signed-in person for this request (see actorOfSession), or null.
 * Cached per request so a page and its components share one lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => actorOfSession(await getServerSession(authOptions())));

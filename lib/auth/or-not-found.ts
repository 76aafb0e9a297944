import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { uuid } from "@/lib/validation/fields";

/** For pages: a record that is not this customer's (or does not exist) renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A route segment that must be a record ID; anything else is a 404, not a database error. */
export async function idParam(params: Promise<{ id: string }>): Promise<string> {
  const parsed = uuid.safeParse((await params).id);
  if (!parsed.success) notFound();
  return parsed.data;
}

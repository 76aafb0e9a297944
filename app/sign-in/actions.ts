"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { companyCookie } from "@/lib/microsoft-sign-in/company-cookie";
import { companySlugFrom, microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { refusals } from "@/lib/microsoft-sign-in/refusals";
import { customerSlug } from "@/lib/validation/fields";

const companyInput = z.object({ company: z.string().max(200).transform(companySlugFrom).pipe(customerSlug) });

/**
 * The first step of Sign in with Microsoft, before anyone is signed in (so
 * not through defineAction, which requires a session): the person names their
 * company, and the portal remembers it for the Microsoft round trip if that
 * company offers Microsoft sign-in. Nothing here touches an account.
 */
export async function chooseMicrosoftCompany(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = companyInput.safeParse({ company: formData.get("company") ?? "" });
  if (!parsed.success) {
    return {
      status: "error",
      message: "Enter your company's name in the portal, e.g. contoso, or your portal ID.",
      fieldErrors: { company: "Enter your company." },
    };
  }
  try {
    const company = await microsoftCompany({ slug: parsed.data.company });
    if (!company) return { status: "error", message: `${refusals.not_enabled.title} for “${parsed.data.company}”. ${refusals.not_enabled.text}` };
    const secure = (env().NEXTAUTH_URL ?? "").startsWith("https:");
    (await cookies()).set(companyCookie.name, company.customerId, companyCookie.options(secure));
    return { status: "success" };
  } catch (error) {
    logger.error({ err: error }, "choosing the company for Microsoft sign-in failed");
    return { status: "error", message: "Something went wrong. Please try again." };
  }
}

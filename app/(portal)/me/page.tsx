import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { getLinkedEntry } from "@/lib/linking/get-linked-entry";
import { getProfile } from "@/lib/profile/get-profile";
import { ChangePasswordForm } from "./change-password-form";
import { MicrosoftAccountForm } from "./microsoft-account-form";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";

export const metadata: Metadata = { title: "My Information" };

const roleLabels = { operator: "Platform operator", manager: "Manager", user: "User" } as const;

export default async function MyInformationPage() {
  const actor = await requirePage("profile:edit");
  const profile = await getProfile(actor);
  const linked = actor.customerId ? await getLinkedEntry(actor.customerId, profile) : null;
  return (
    <>
      <PageHeader title="My Information" description={`${profile.portalId} · ${roleLabels[profile.role]}`} />
      <Card title="Profile">
        <ProfileForm name={profile.name} email={profile.email} />
      </Card>
      {actor.customerId ? (
        <Card title="Microsoft account">
          <p className="mb-3 text-sm text-slate-600">A login linked to your Entra account can use Sign in with Microsoft.</p>
          {can(actor.role, "own-link:manage") ? (
            <MicrosoftAccountForm linked={linked} />
          ) : (
            <p className="text-sm" data-testid="my-microsoft-account">
              {linked
                ? `Linked to ${linked.userPrincipalName ?? linked.displayName}.`
                : profile.aadObjectId
                  ? "Linked."
                  : "Not linked. Your manager can link your login to your Entra account."}
            </p>
          )}
        </Card>
      ) : null}
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
      <Card title="Sessions">
        <SignOutEverywhereForm />
      </Card>
    </>
  );
}

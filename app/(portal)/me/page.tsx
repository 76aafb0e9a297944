import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { requirePage } from "@/lib/auth/require-page";
import { getProfile } from "@/lib/profile/get-profile";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "My Information" };

const roleLabels = { operator: "Platform operator", manager: "Manager", user: "User" } as const;

export default async function MyInformationPage() {
  const actor = await requirePage("profile:edit");
  const profile = await getProfile(actor);
  return (
    <>
      <PageHeader title="My Information" description={`${profile.portalId} · ${roleLabels[profile.role]}`} />
      <Card title="Profile">
        <ProfileForm name={profile.name} email={profile.email} />
      </Card>
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
    </>
  );
}

import { PageHeader } from "@/components/layout/page-header";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { AuthorityTabs } from "./tabs";

export default async function AuthorityLayout({ children }: { children: React.ReactNode }) {
  await requireCustomerPage("managers:manage");
  return (
    <>
      <PageHeader title="Authority Setting" description="Who manages your company's portal, and how people sign in." />
      <AuthorityTabs />
      {children}
    </>
  );
}

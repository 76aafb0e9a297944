import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { createDirectoryEntryAction } from "../actions";
import { DirectoryEntryForm } from "../directory-entry-form";

export const metadata: Metadata = { title: "Add directory entry" };

export default async function NewDirectoryEntryPage() {
  await requireCustomerPage("directory:manage");
  return (
    <>
      <PageHeader title="Add directory entry" description="A manual entry (Sync = No); a directory sync never changes it." />
      <Card>
        <DirectoryEntryForm action={createDirectoryEntryAction} />
      </Card>
    </>
  );
}

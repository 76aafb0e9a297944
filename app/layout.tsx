import type { Metadata } from "next";
import "./globals.css";

// Every page is rendered per request, so each carries the nonce of its own
// Content-Security-Policy (proxy.ts); a page built ahead would carry none.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "Customer portal for your cloud phone system",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}

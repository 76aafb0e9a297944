import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or your login cannot open it.</p>
      <Link href="/" className="mt-4 inline-block text-sky-700 underline">
        Back to the portal
      </Link>
    </div>
  );
}

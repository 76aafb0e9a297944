"use client";

/** Last resort for an unexpected failure: a calm page instead of a stack trace. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Something went wrong</h1>
        <p className="mt-2 text-sm text-slate-600">The problem has been logged. Please try again.</p>
        <button type="button" onClick={reset} className="mt-4 rounded-md bg-sky-700 px-4 py-2 text-sm text-white">
          Try again
        </button>
      </div>
    </main>
  );
}

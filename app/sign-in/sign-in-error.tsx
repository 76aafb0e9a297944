/** The reason a sign-in failed, as the sign-in forms show it. */
export function SignInError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

export interface SignInAttempt {
  status: number;
  /** Where the emulator redirected the browser (the app's callback), if it did. */
  location: string | null;
  html: string;
}

const unescapeHtml = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Drives the emulator's sign-in page over HTTP the way a browser would: load
 * the authorize URL, read the form's action, post user name and password.
 */
export async function signInThroughPage(authorizeUrl: string, login: string, password: string): Promise<SignInAttempt> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !action) throw new Error(`No sign-in form (HTTP ${page.status}): ${html.slice(0, 300)}`);
  const response = await fetch(new URL(unescapeHtml(action), authorizeUrl), {
    method: "POST",
    body: new URLSearchParams({ loginfmt: login, passwd: password }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** Minimal HTML escaping for text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0}
main{max-width:440px;margin:10vh auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 4px}p.app{color:#555;margin:0 0 20px}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:15px}
button{margin-top:24px;background:#0067b8;color:#fff;border:0;padding:8px 32px;font-size:15px}
.error{color:#e81123;margin:12px 0}.note{color:#777;font-size:12px;margin-top:28px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface SignInPageInput {
  action: string;
  tenantName: string;
  appName: string;
  login: string;
  error?: string;
}

/**
 * The emulator's "Sign in to your account" page. Field names follow
 * login.microsoftonline.com (loginfmt, passwd) so browser tests read naturally;
 * labels let Playwright fill them by role and name.
 */
export function renderSignInPage(input: SignInPageInput): string {
  const error = input.error ? `<p class="error" role="alert" id="error">${escapeHtml(input.error)}</p>` : "";
  return page(
    "Sign in to your account",
    `<h1>Sign in</h1><p class="app">to ${escapeHtml(input.appName)} · ${escapeHtml(input.tenantName)}</p>${error}
<form method="post" action="${escapeHtml(input.action)}">
<label for="loginfmt">Email or username</label><input id="loginfmt" name="loginfmt" type="email" autocomplete="username" required value="${escapeHtml(input.login)}">
<label for="passwd">Password</label><input id="passwd" name="passwd" type="password" autocomplete="current-password" required>
<button type="submit" id="idSIButton9">Sign in</button></form>
<p class="note">Local Entra ID emulator. Nothing here talks to Microsoft.</p>`,
  );
}

/** Errors Entra shows on its own page instead of redirecting (unknown tenant or app, bad redirect URI). */
export function renderErrorPage(message: string): string {
  return page("Sign in error", `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/** A plain message page (signed out, error lookup). */
export function renderNoticePage(heading: string, message: string): string {
  return page(heading, `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>`);
}

/** response_mode=form_post: a form that posts the result to the app and submits itself. */
export function renderFormPost(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return page(
    "Working...",
    `<form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script>document.forms[0].submit()</script>`,
  );
}

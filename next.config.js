/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Our web server compresses every answer, route handlers' too (scripts/launcher/with-compression.ts).
  compress: false,
  // Native or Node-only modules stay outside the server bundle.
  serverExternalPackages: ["argon2", "pino", "postgres", "@electric-sql/pglite", "bullmq", "ioredis", "pg"],
  // SCIM clients differ in the case of resource endpoints (Microsoft's test
  // collection asks for /users); the routes themselves are /Users and /Groups.
  async rewrites() {
    return ["Users", "Groups"].flatMap((resource) => [
      { source: `/api/scim/v2/${resource.toLowerCase()}`, destination: `/api/scim/v2/${resource}` },
      { source: `/api/scim/v2/${resource.toLowerCase()}/:id`, destination: `/api/scim/v2/${resource}/:id` },
    ]);
  },
  // The connector screens took their connectors' names (issue 13); bookmarks
  // and links in old e-mails keep working.
  async redirects() {
    return [
      { source: "/authority/ms-aad/:path*", destination: "/authority/entra/:path*", permanent: true },
      { source: "/authority/ad-ldaps/:path*", destination: "/authority/active-directory/:path*", permanent: true },
      // The caller-ID key is one of the phonebooks' credentials now (issue 15).
      { source: "/authority/caller-id", destination: "/authority/phonebooks", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          // The portal uses none of these; nothing it loads or frames may ask for them.
          {
            key: "Permissions-Policy",
            value: [
              "accelerometer=()",
              "autoplay=()",
              "camera=()",
              "display-capture=()",
              "encrypted-media=()",
              "fullscreen=()",
              "geolocation=()",
              "gyroscope=()",
              "hid=()",
              "magnetometer=()",
              "microphone=()",
              "midi=()",
              "payment=()",
              "picture-in-picture=()",
              "publickey-credentials-get=()",
              "screen-wake-lock=()",
              "serial=()",
              "usb=()",
              "xr-spatial-tracking=()",
            ].join(", "),
          },
        ],
      },
    ];
  },
};

export default nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

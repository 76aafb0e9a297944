/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native or Node-only modules stay outside the server bundle.
  serverExternalPackages: ["argon2", "pino", "postgres", "@electric-sql/pglite", "bullmq", "ioredis", "pg"],
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

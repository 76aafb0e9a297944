-- SCIM's password is write-only (RFC 7643) and the portal never used it, but resources pushed before
-- lib/scim/user-mapping.ts dropped it kept it as sent: removed here, in whatever case the client spelled it.
UPDATE "directory_entries" d
SET "scim_resource" = (
  SELECT coalesce(jsonb_object_agg(r.key, r.value), '{}'::jsonb)
  FROM jsonb_each(d."scim_resource") r
  WHERE lower(r.key) <> 'password'
)
WHERE d."scim_resource" IS NOT NULL
  AND jsonb_typeof(d."scim_resource") = 'object'
  AND EXISTS (SELECT 1 FROM jsonb_object_keys(d."scim_resource") k WHERE lower(k) = 'password');

/**
 * Schema of personal information and account security: two-factor enrolment waiting for its first
 * code, one-time recovery codes (hashes only), and when the password last changed. Names, email,
 * phone and language already live in app_user, and the mailing address in billing_account.
 */
export const ACCOUNT_SECURITY_MIGRATION = `
  -- Base32 TOTP secret issued by an enrolment and not yet confirmed by a code; NULL otherwise.
  ALTER TABLE app_user ADD COLUMN totp_pending_secret TEXT;
  ALTER TABLE app_user ADD COLUMN password_changed_at TEXT;

  -- Recovery codes are long and random, so their SHA-256 is enough (a slow hash adds nothing).
  CREATE TABLE recovery_code (
    user_id TEXT NOT NULL REFERENCES app_user(id),
    code_sha256 BLOB NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_sha256)
  ) STRICT, WITHOUT ROWID;
`;

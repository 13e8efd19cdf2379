/** espace's version; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';

/** What espace tells servers it is, on every request (API calls, the chat stream, bulk runs). */
export const USER_AGENT = `espace/${VERSION} node/${process.versions.node}`;

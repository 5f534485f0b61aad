/** Upload limits (overridable through ServerOptions). */
export const DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024;
export const DEFAULT_MAX_UNZIPPED = 200 * 1024 * 1024;

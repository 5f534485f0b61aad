/** The build-time precompiled report templates (webpack alias → node_modules/.cache/luoshi-addin/report-templates.js). */
declare module 'luoshi-report-templates' {
  const templates: Record<string, { name: string; text: string; spec: unknown }>;
  export default templates;
}

// The provider the benchmark's site is served by, as the popups name it: a popup
// is ready when this text is visible. The bare extension's popup shows it too,
// so both popups are waited on for the same condition.
export const EDGE_NAME = 'Cloudflare';

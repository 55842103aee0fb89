// Where the page finds its API. Empty means the same origin as the page. When the site is hosted
// separately (for example from S3), set apiBase to the HTTP API's URL from the stack's outputs.
// `./palette serve` generates this file on the fly.
export const config = {
  apiBase: '',
  maxBytes: 20 * 1024 * 1024,
};

/**
 * The web half of {@code palette serve}: a small HTTP server that plays CloudFront for the page,
 * published into the local site bucket with a generated {@code config.js} and served with the
 * template's response headers ({@link SiteHeaders}), and API Gateway for the real API handler,
 * turning each request into an HTTP API payload 2.0 event after throttling it per route with the
 * template's limits ({@link ApiThrottle}). Page and API share one origin, which is also the only
 * origin the embedded S3 accepts browser calls from.
 */
package palette.local.web;

/**
 * The API function behind the HTTP API: the web page's way in.
 *
 * <ul>
 *   <li>{@code POST /uploads} with {@code {filename, contentType, size, k, limit, space}} checks
 *       the request (image types only, size within {@code MAX_BYTES}, option ranges as in {@link
 *       palette.core.options.PaletteOptions}), makes a job id (128 random bits, 26 base32
 *       characters) and the key {@code uploads/<job id>/<sanitised name>}, and answers {@code 201
 *       {jobId, key, upload: {method: "PUT", url, headers}, expiresAt}}.
 *   <li>{@code GET /jobs/{id}} answers {@code pending}, {@code done} (with the palette document and
 *       short-lived presigned GET links to every output) or {@code failed} (with the worker's
 *       {@code error} code and sentence); 400 for a malformed id, 404 for an unknown one.
 * </ul>
 *
 * <p>The upload is a SigV4 presigned PUT, not a presigned POST: its signature covers the key, the
 * content type, the exact content length and the options as {@code x-amz-meta-*} headers, and it
 * expires after {@code UPLOAD_URL_SECONDS}. S3 refuses any other key, type, size or option. The
 * embedded S3 of the local stack (S3Proxy) checks a POST policy's signature but none of its
 * conditions, so a POST policy could not be shown to hold locally; the signed PUT is enforced the
 * same way by both, and the security tests prove it against the real server.
 *
 * <p>Job state needs no database: the worker writes results under {@code <input key>/} in the
 * output bucket ({@link palette.handlers.OutputKeys}), so listing {@code uploads/<job id>/} there
 * finds {@code palette.json} (written last) or {@code error.json}; an object under the same prefix
 * in the input bucket means the job is pending.
 *
 * <p>Errors are {@code {"error": code, "message": sentence}} with the right status; a storage
 * failure is a 503 whose details go only to the log. Requests whose {@code Origin} is not {@code
 * SITE_ORIGIN} are refused with 403.
 */
package palette.handlers.api;

/**
 * The {@code palette} command: run the engine on a local file, benchmark it, fetch film stills, and
 * run the serverless stack on one machine (embedded S3, the real handlers, the site).
 *
 * <p>Every subcommand writes through picocli's writers so tests capture its output, and every
 * failure goes through {@link palette.local.Failures}, the one place that maps errors to exit codes
 * and one-line messages.
 */
package palette.local;

/**
 * The Lambda handlers, thin adapters between AWS events and the engine in {@code palette.core}: the
 * worker in {@code palette.handlers.worker}, the API in {@code palette.handlers.api}.
 *
 * <p>This package holds only what both sides (and the command line) share, so that neither depends
 * on the other: the environment variables ({@link palette.handlers.Environment}), the job id, the
 * film-grab request objects the API writes and the worker reads, the output-key rule, the JSON
 * reader and writer, Lambda's credentials, and the one classification of failures.
 */
package palette.handlers;

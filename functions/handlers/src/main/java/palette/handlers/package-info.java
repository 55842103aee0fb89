/**
 * The Lambda handlers: thin adapters between AWS events and the engine in {@code palette.core}.
 *
 * <p>{@link palette.handlers.worker.PaletteWorker} handles S3 {@code ObjectCreated} events: for
 * every record it reads the object (size checked first), runs the engine with options from the
 * object's metadata, and writes the outputs under {@link palette.handlers.OutputKeys#prefixFor} in
 * the output bucket, {@code palette.json} last. Storage sits behind {@link
 * palette.handlers.worker.Storage} so tests and the local stack can use any S3; configuration is
 * read once into {@link palette.handlers.worker.WorkerConfig}.
 */
package palette.handlers;

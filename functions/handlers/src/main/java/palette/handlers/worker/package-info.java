/**
 * The worker function: {@link palette.handlers.worker.PaletteWorker} handles S3 {@code
 * ObjectCreated} events. For every record it reads the object (size checked first), runs the engine
 * with options from the object's metadata, or fetches the stills a film-grab request object names,
 * and writes the outputs under {@link palette.handlers.OutputKeys#prefixFor} in the output bucket,
 * {@code palette.json} last.
 *
 * <p>A package of its own so the worker's jobs, budget, storage and metrics are visibly not the
 * API's: storage sits behind {@link palette.handlers.worker.Storage} so tests and the local stack
 * can use any S3, and configuration is read once into {@link palette.handlers.worker.WorkerConfig}.
 */
package palette.handlers.worker;

/**
 * The serverless stack's storage on one machine: S3Proxy over a folder ({@link
 * palette.local.s3.LocalS3}), S3-format notifications it does not send itself ({@link
 * palette.local.s3.NotifyingBlobStore}), delivered to the real worker handler as Lambda delivers
 * them ({@link palette.local.s3.LambdaInvoker}), all wired by {@link palette.local.s3.LocalStack},
 * which {@code palette serve} and {@code palette invoke} start and other local services reuse.
 */
package palette.local.s3;
